/**
 * Every error that can reach a user carries a stable machine code and a message written for people.
 * The HTTP layer and the bot both translate these, so the domain never needs to know about either.
 */
export type AppErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "already_exists"
  | "payload_too_large"
  | "store_unavailable"
  | "store_timeout"
  | "rate_limited"
  | "internal";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  /** When trying again makes sense (rate limits, a busy store), how many seconds to wait first. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, userMessage: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(userMessage, options);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
