import { AppError } from "../../../shared/index.js";

export type ConflictReason = "exists" | "etag" | "missing";

/** A conditional write lost: the id exists, the ETag is stale, or the document is gone. */
export class ConflictError extends AppError {
  readonly reason: ConflictReason;
  constructor(reason: ConflictReason, userMessage = "Someone else changed this at the same time. Reload and try again.") {
    super(reason === "exists" ? "already_exists" : "conflict", userMessage);
    this.name = "ConflictError";
    this.reason = reason;
  }
}

export class StoreUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super("store_unavailable", "Storage is not reachable right now. Please try again shortly.", { cause });
    this.name = "StoreUnavailableError";
  }
}

/** A storage call took longer than the configured deadline; it may still finish later, unseen. */
export class StoreTimeoutError extends AppError {
  constructor(readonly operation: string) {
    super("store_timeout", "Storage is taking too long to answer right now. Please try again shortly.");
    this.name = "StoreTimeoutError";
  }
}

/** Whether the store could not be used at all, as opposed to refusing one particular write. */
export function isStoreOutage(error: unknown): error is StoreUnavailableError | StoreTimeoutError {
  return error instanceof StoreUnavailableError || error instanceof StoreTimeoutError;
}
