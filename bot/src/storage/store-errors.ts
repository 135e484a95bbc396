import { AppError } from "../../../shared/index.js";
import { serverMessage } from "../http/server-messages.js";

export type ConflictReason = "exists" | "etag" | "missing";

/** A conditional write lost: the id exists, the ETag is stale, or the document is gone. */
export class ConflictError extends AppError {
  readonly reason: ConflictReason;
  constructor(reason: ConflictReason, userMessage = serverMessage("storeConflict")) {
    super(reason === "exists" ? "already_exists" : "conflict", userMessage);
    this.name = "ConflictError";
    this.reason = reason;
  }
}

export class StoreUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super("store_unavailable", serverMessage("storeUnavailable"), { cause });
    this.name = "StoreUnavailableError";
  }
}

/** A storage call took longer than the configured deadline; it may still finish later, unseen. */
export class StoreTimeoutError extends AppError {
  constructor(readonly operation: string) {
    super("store_timeout", serverMessage("storeTimeout"));
    this.name = "StoreTimeoutError";
  }
}

/** Whether the store could not be used at all, as opposed to refusing one particular write. */
export function isStoreOutage(error: unknown): error is StoreUnavailableError | StoreTimeoutError {
  return error instanceof StoreUnavailableError || error instanceof StoreTimeoutError;
}
