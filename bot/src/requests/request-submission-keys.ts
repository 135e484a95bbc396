import { createHash } from "node:crypto";
import type { JsonObject } from "../storage/document-store.js";
import { InvalidDocumentError } from "../storage/invalid-document.js";

/** Helpers of `RequestService.submitOnce`: what is kept of the reference, and the codes a form's key leads to. */

/** The conversation reference as kept: without the user's name unless they chose to share it. */
export function withoutName(reference: JsonObject, keepName: boolean): JsonObject {
  if (keepName) return reference;
  const user = reference.user as JsonObject | undefined;
  if (!user) return reference;
  const { name: _name, ...rest } = user;
  return { ...reference, user: rest };
}

/** For a lookup where a damaged document (already reported) counts as none. */
export function unlessInvalid(error: unknown): undefined {
  if (error instanceof InvalidDocumentError) return undefined;
  throw error;
}

/** Six bytes for a reference code, fixed by who sent the form, its key and the attempt. */
export function submissionCodeBytes(requester: { tenantId: string; userId: string }, submissionId: string, attempt: number): Uint8Array {
  return createHash("sha256").update(`${requester.tenantId}\n${requester.userId}\n${submissionId}\n${attempt}`).digest().subarray(0, 6);
}
