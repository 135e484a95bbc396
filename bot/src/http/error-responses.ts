import type { ErrorRequestHandler } from "express";
import { isAppError, type AppErrorCode } from "../../../shared/index.js";
import type { Logger } from "../logger.js";
import { serverMessage } from "./server-messages.js";

export const STATUS_BY_CODE: Readonly<Record<AppErrorCode, number>> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  payload_too_large: 413,
  store_unavailable: 503,
  store_timeout: 503,
  rate_limited: 429,
  internal: 500,
};

/** The part of a response an error is written to: Express's, or anything shaped like it. */
export interface ErrorSink {
  setHeader(name: string, value: string): unknown;
  status(code: number): { json(body: unknown): unknown };
}

export function sendError(response: ErrorSink, status: number, code: string, message: string, retryAfterSeconds?: number): void {
  if (status === 401) response.setHeader("WWW-Authenticate", 'Bearer realm="peer-circles"');
  if (retryAfterSeconds !== undefined) response.setHeader("Retry-After", String(Math.max(1, Math.ceil(retryAfterSeconds))));
  else if (status === 503 || status === 429) response.setHeader("Retry-After", "5");
  response.status(status).json({ code, message });
}

/** Turns any thrown error into `{ code, message }`. Logs carry the code and route, never content. */
export function errorResponder(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    if (isAppError(error)) {
      const status = STATUS_BY_CODE[error.code];
      if (status >= 500)
        logger.error({ code: error.code, path: request.path, cause: (error.cause as Error | undefined)?.name }, "request failed");
      return sendError(response, status, error.code, error.userMessage, error.retryAfterSeconds);
    }
    // Body-parser errors carry a 4xx status and a type, e.g. invalid JSON or a body over the limit.
    const parserStatus = (error as { status?: unknown }).status;
    if (typeof parserStatus === "number" && parserStatus >= 400 && parserStatus < 500) {
      if (parserStatus === 413) return sendError(response, 413, "payload_too_large", serverMessage("payloadTooLarge"));
      return sendError(response, 400, "bad_request", serverMessage("unreadableBody"));
    }
    logger.error({ path: request.path, errorName: (error as Error | undefined)?.name }, "unexpected error");
    return sendError(response, 500, "internal", serverMessage("internal"));
  };
}
