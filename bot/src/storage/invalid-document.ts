import type { z } from "zod";
import { AppError } from "../../../shared/index.js";
import type { Logger } from "../logger.js";
import type { ContainerName } from "./document-store.js";

/**
 * What is known about a stored document that did not have the shape its kind promises: where it is
 * and which fields were wrong. Never the values, so a report can be logged without content.
 */
export interface InvalidDocumentReport {
  container: ContainerName;
  kind: string;
  documentId: string;
  /** Field paths and zod issue codes, e.g. `status: invalid_value`; at most a few. */
  issues: string[];
}

/**
 * A document was read back that its collection cannot trust: written by a bug, by a hand edit in
 * the Cosmos portal, or by a version of the app with another shape. It is a server-side fault, so
 * HTTP answers 500 with this code and message (never a stack), and the bot shows the message.
 */
export class InvalidDocumentError extends AppError {
  readonly reason = "invalid_document";
  constructor(readonly report: InvalidDocumentReport) {
    super(
      "internal",
      "Some saved data could not be read, so this cannot be shown right now. The problem has been logged for the team running the app.",
    );
    this.name = "InvalidDocumentError";
  }
}

const MAX_ISSUES = 5;

/** Paths and codes only: zod messages can quote what was received, and received values are content. */
export function issuesOf(error: z.ZodError): string[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => `${issue.path.map(String).join(".") || "(document)"}: ${issue.code}`);
}

/** The server's listener for `DocumentStore.reportInvalid`: one error line per document, ids, kinds and issue codes only. */
export function logInvalidDocuments(logger: Logger): (report: InvalidDocumentReport) => void {
  return (report) => logger.error({ event: "store.invalid_document", ...report }, "stored document failed its schema");
}
