import type { TabMessageKey } from "../i18n/messages.js";

/** What the tab knows of a failure: an `ApiError` carries the status and the server's code. */
interface FailureLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  name?: unknown;
}

/** Which catalogue message a failure is told in, or the server's own words when they are the point. */
export type ErrorWords = { key: TabMessageKey } | { serverMessage: string };

/** The browser's own words when a script or a fetch could not be loaded: never shown, always "could not reach". */
const UNREACHABLE = /failed to fetch|networkerror|load failed|dynamically imported module|importing a module script failed/i;

/**
 * How a failure is put to people. The browser's words ("Failed to fetch", a stack's "Cannot read
 * properties…") are English, technical and say nothing useful, so they never reach the page: a
 * request that did not arrive is "could not reach", a busy store is "busy, try again" (the
 * connection was fine), and anything unexpected is one plain sentence. A server refusal about this
 * very action (a field, a conflict, a limit) keeps the server's words, written for people.
 */
export function errorWords(error: unknown): ErrorWords {
  const failure: FailureLike = typeof error === "object" && error !== null ? (error as FailureLike) : {};
  const status = typeof failure.status === "number" ? failure.status : undefined;
  const code = typeof failure.code === "string" ? failure.code : undefined;
  const message = typeof failure.message === "string" ? failure.message : "";
  if (status === undefined) {
    // Not an answer from the server: a fetch that never arrived, a chunk that did not load, or a bug.
    return { key: UNREACHABLE.test(message) ? "errorNetwork" : "errorUnexpected" };
  }
  if (status === 0 || code === "network") return { key: "errorNetwork" };
  if (status === 401) return { key: "errorSignIn" };
  if (status === 403) return { key: "errorNoAccess" };
  if (status === 429) return { key: "errorRateLimited" };
  if (status === 503 || code === "store_unavailable" || code === "store_timeout") return { key: "errorBusy" };
  if (status >= 500) return { key: "errorServer" };
  if (status === 404) return { key: "errorNotFound" };
  return message ? { serverMessage: message } : { key: "errorUnexpected" };
}
