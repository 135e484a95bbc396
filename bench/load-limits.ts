/**
 * The load generators sign in as a handful of sample users, so one "person" stands for thousands of
 * panels; the per-person caps (tested in npm test) are lifted for them, and nothing else changes.
 */
export const LOAD_GENERATOR_LIMITS = { RATE_LIMIT_PER_MINUTE: "100000", SSE_STREAMS_PER_USER: "100000" } as const;
