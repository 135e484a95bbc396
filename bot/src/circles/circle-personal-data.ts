import type { DocumentStore } from "../storage/document-store.js";
import { circleDocuments, signUpDocuments, type CircleDocument, type SignUpDocument } from "./circle-documents.js";

/** What the circles module keeps about one person, for their export and erasure (privacy rules 4–7). */

const MAX = 1000;
const MAX_WRITE_ATTEMPTS = 5;

/** Circles the person is in, was formed with, or asked to join. */
export async function circlesWith(store: DocumentStore, tenantId: string, userId: string): Promise<CircleDocument[]> {
  const circles = await circleDocuments(store).query(tenantId, { limit: MAX }, { invalid: "throw" });
  return circles
    .map(({ value }) => value)
    .filter(
      (circle) =>
        circle.members.some((member) => member.userId === userId) ||
        circle.formedWith.includes(userId) ||
        (circle.joinRequests ?? []).some((person) => person.userId === userId),
    );
}

/** The person's answers to sign-up rounds, with their ids. */
export async function signUpsOf(store: DocumentStore, tenantId: string, userId: string): Promise<{ id: string; value: SignUpDocument }[]> {
  return signUpDocuments(store).query(tenantId, { where: { userId }, limit: MAX }, { invalid: "throw" });
}

export async function deleteSignUp(store: DocumentStore, tenantId: string, signUpId: string): Promise<void> {
  await signUpDocuments(store).delete(tenantId, signUpId);
}

/** Takes the person out of a circle: membership, grouping history, facilitation history and join requests. */
export async function removeFromCircle(store: DocumentStore, tenantId: string, circleId: string, userId: string): Promise<void> {
  const circles = circleDocuments(store);
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const stored = await circles.get(tenantId, circleId);
    if (!stored) return;
    const circle = stored.value;
    const next: CircleDocument = {
      ...circle,
      members: circle.members.filter((member) => member.userId !== userId),
      formedWith: circle.formedWith.filter((id) => id !== userId),
      facilitatorHistory: circle.facilitatorHistory.filter((id) => id !== userId),
      joinRequests: (circle.joinRequests ?? []).filter((person) => person.userId !== userId),
    };
    try {
      await circles.replace(tenantId, circleId, next, { ifMatch: stored.etag });
      return;
    } catch {
      // Someone changed the circle meanwhile; read it again.
    }
  }
  throw new Error("circle kept changing during erasure");
}
