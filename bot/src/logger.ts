import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. They carry ids, codes and timings only: never message text, request content,
 * tokens or names, which is why the serialisers below drop anything that looks like a body.
 */
export function createLogger(level: string, destination?: string): Logger {
  const options = {
    level,
    base: { service: "peer-circles" },
    redact: { paths: ["req.headers.authorization", "*.text", "*.body", "*.token", "*.displayName"], censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, pino.destination({ dest: destination, sync: true })) : pino(options);
}
