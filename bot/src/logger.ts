import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. They carry ids, codes and timings only: never message text, request content,
 * tokens or names, which is why the serialisers below drop anything that looks like a body.
 */
const SENSITIVE_FIELDS = ["text", "body", "token", "displayName"];
const REDACTED_PATHS = ["req.headers.authorization", ...SENSITIVE_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`])];

export function createLogger(level: string, destination?: string): Logger {
  const options = {
    level,
    base: { service: "peer-circles" },
    // At the top of a log line and one and two levels down: a careless `logger.info({ text })` is caught too.
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, pino.destination({ dest: destination, sync: true })) : pino(options);
}
