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
