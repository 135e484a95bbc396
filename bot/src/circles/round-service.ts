import { createHash, randomUUID } from "node:crypto";
import type { CircleRecurrence } from "../../../shared/circles/circle-schedule.js";
import type { OpenRoundInput, PersonRef, RoundPreview, RoundSummary, SignUpInput } from "../../../shared/circles/circle-programme.js";
import { planRoundsWithReport, countRepeatedPairs } from "../../../shared/circles/plan-rounds.js";
import type { DocumentStore } from "../storage/document-store.js";
import {
  circleDocuments,
  roundDocuments,
  signUpDocuments,
  type CircleDocument,
  type RoundDocument,
  type SignUpDocument,
} from "./circle-documents.js";

const MAX_DOCUMENTS = 1000;

/** Why a round refused a step; routes turn each into an HTTP answer (http/refusal-tables.ts). */
export type RoundRefusal = "not_found" | "closed" | "sign_ups_closed" | "unknown_window" | "no_sign_ups";
export type RoundOutcome<T> = { ok: true; value: T } | { ok: false; refusal: RoundRefusal };

const signUpId = (roundId: string, userId: string) =>
  `signup-${createHash("sha256").update(`${roundId}:${userId}`).digest("hex").slice(0, 40)}`;

/** The preview and the publish must agree, so the grouping seed comes from the round itself. */
const seedOf = (roundId: string) => createHash("sha256").update(roundId).digest().readUInt32BE(0);

/**
 * Sign-up rounds: an admin opens one, volunteers answer privately, the admin previews the circles
 * the grouping engine proposes and publishes them. Earlier circles are the engine's history, so
 * people who have met before are kept apart where possible.
 */
export class RoundService {
  private readonly rounds;
  private readonly signUps;
  private readonly circles;

  constructor(
    store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rounds = roundDocuments(store);
    this.signUps = signUpDocuments(store);
    this.circles = circleDocuments(store);
  }

  async open(tenantId: string, input: OpenRoundInput, adminId: string): Promise<RoundSummary> {
    const id = `round-${randomUUID()}`;
    const round: RoundDocument = { ...input, kind: "round", status: "open", createdBy: adminId, createdAt: this.now().toISOString() };
    await this.rounds.create(tenantId, id, round);
    return this.summary(id, round, 0);
  }

  async list(tenantId: string, callerId: string, includePublished: boolean): Promise<RoundSummary[]> {
    const [rounds, signUps] = await Promise.all([
      this.rounds.query(tenantId, { limit: MAX_DOCUMENTS }),
      this.signUps.query(tenantId, { limit: MAX_DOCUMENTS }),
    ]);
    return rounds
      .filter(({ value }) => includePublished || value.status === "open")
      .map(({ id, value }) => {
        const answers = signUps.filter((signUp) => signUp.value.roundId === id);
        const mine = answers.find((signUp) => signUp.value.userId === callerId)?.value.answer;
        return this.summary(id, value, answers.length, mine);
      })
      .sort((a, b) => b.closesOn.localeCompare(a.closesOn));
  }

  async signUp(
    tenantId: string,
    roundId: string,
    person: PersonRef & { signInName?: string },
    answer: SignUpInput,
  ): Promise<RoundOutcome<RoundSummary>> {
    const round = await this.openForSignUps(tenantId, roundId);
    if (!round.ok) return round;
    const slotIds = new Set(round.value.slots.map((slot) => slot.id));
    if (answer.windows.some((window) => !slotIds.has(window))) return { ok: false, refusal: "unknown_window" };
    const document: SignUpDocument = {
      kind: "signup",
      roundId,
      userId: person.userId,
      displayName: person.displayName,
      ...(person.signInName ? { signInName: person.signInName } : {}),
      answer,
    };
    const id = signUpId(roundId, person.userId);
    const existing = await this.signUps.get(tenantId, id);
    if (existing) await this.signUps.replace(tenantId, id, document, { ifMatch: existing.etag });
    else await this.signUps.create(tenantId, id, document);
    const count = (await this.signUpsFor(tenantId, roundId)).length;
    return { ok: true, value: this.summary(roundId, round.value, count, answer) };
  }

  async withdraw(tenantId: string, roundId: string, userId: string): Promise<RoundOutcome<void>> {
    const round = await this.openForSignUps(tenantId, roundId);
    if (!round.ok) return round;
    return (await this.signUps.delete(tenantId, signUpId(roundId, userId)))
      ? { ok: true, value: undefined }
      : { ok: false, refusal: "not_found" };
  }

  async preview(
    tenantId: string,
    roundId: string,
  ): Promise<RoundOutcome<RoundPreview & { groups: { memberIds: string[]; slotId?: string }[] }>> {
    const round = await this.openRound(tenantId, roundId);
    if (!round.ok) return round;
    const signUps = await this.signUpsFor(tenantId, roundId);
    if (signUps.length === 0) return { ok: false, refusal: "no_sign_ups" };
    const history = await this.history(tenantId);
    // People may name a colleague by email or by object id; both must keep them apart.
    const idByAddress = new Map(signUps.flatMap((signUp) => (signUp.signInName ? [[signUp.signInName, signUp.userId] as const] : [])));
    const report = planRoundsWithReport({
      members: signUps.map(({ userId, answer }) => ({
        id: userId,
        timeZone: answer.timeZone,
        windows: answer.windows,
        interests: answer.interests,
        ...(answer.team ? { team: answer.team } : {}),
        avoid: [...answer.avoid, ...(answer.managerId ? [answer.managerId] : [])].map(
          (entry) => idByAddress.get(entry.toLowerCase()) ?? entry,
        ),
      })),
      groupSize: round.value.groupSize,
      rounds: 1,
      history,
      seed: seedOf(roundId),
    });
    const nameOf = new Map(signUps.map((signUp) => [signUp.userId, signUp.displayName]));
    const windowsOf = new Map(signUps.map((signUp) => [signUp.userId, signUp.answer.windows]));
    const groups = (report.rounds[0] ?? []).map((memberIds) => {
      const slotId = sharedSlot(memberIds, windowsOf, round.value.slots);
      return { memberIds, ...(slotId ? { slotId } : {}) };
    });
    return {
      ok: true,
      value: {
        groups,
        circles: groups.map(({ memberIds, slotId }) => ({
          members: memberIds.map((userId) => ({ userId, displayName: nameOf.get(userId) ?? "" })),
          ...(slotId ? { slotId } : {}),
          repeatPairs: countRepeatedPairs([[memberIds]], history),
        })),
        unplaced: report.unplaced.map(({ memberId, reason }) => ({ userId: memberId, displayName: nameOf.get(memberId) ?? "", reason })),
        ...(report.sizeNote ? { sizeNote: report.sizeNote } : {}),
        repeatedPairs: report.repeatedPairs,
      },
    };
  }

  /** Turns the preview into circles. Publishing twice is refused, so nobody is put in two circles. */
  async publish(tenantId: string, roundId: string): Promise<RoundOutcome<CircleDocument[]>> {
    const stored = await this.rounds.get(tenantId, roundId);
    if (!stored) return { ok: false, refusal: "not_found" };
    const preview = await this.preview(tenantId, roundId);
    if (!preview.ok) return preview;
    const round = stored.value;
    // Marking the round first, conditionally, is what makes a double click publish once.
    await this.rounds.replace(tenantId, roundId, { ...round, status: "published" }, { ifMatch: stored.etag });
    const circles: CircleDocument[] = [];
    for (const [index, group] of preview.value.groups.entries()) {
      const slot = round.slots.find((candidate) => candidate.id === group.slotId) ?? round.slots[0]!;
      const recurrence: CircleRecurrence = {
        cadence: round.cadence,
        weekday: slot.weekday,
        localTime: slot.localTime,
        durationMinutes: slot.durationMinutes,
        timeZone: slot.timeZone,
        startDate: round.startsOn,
      };
      const circle: CircleDocument = {
        kind: "circle",
        id: `circle-${randomUUID()}`,
        name: `${round.name} · ${index + 1}`,
        ...(round.topic ? { topic: round.topic } : {}),
        roundId,
        recurrence,
        members: preview.value.circles[index]!.members,
        formedWith: group.memberIds,
        facilitatorHistory: [],
        ...(round.sessionsBeforeReform ? { sessionsPlanned: round.sessionsBeforeReform } : {}),
        createdAt: this.now().toISOString(),
      };
      await this.circles.create(tenantId, circle.id, circle);
      circles.push(circle);
    }
    return { ok: true, value: circles };
  }

  private async openRound(tenantId: string, roundId: string): Promise<RoundOutcome<RoundDocument>> {
    const round = (await this.rounds.get(tenantId, roundId))?.value;
    if (!round) return { ok: false, refusal: "not_found" };
    if (round.status !== "open") return { ok: false, refusal: "closed" };
    return { ok: true, value: round };
  }

  /** Sign-ups take answers through the closing date (UTC); after it the admin previews and publishes. */
  private async openForSignUps(tenantId: string, roundId: string): Promise<RoundOutcome<RoundDocument>> {
    const round = await this.openRound(tenantId, roundId);
    if (round.ok && this.now().toISOString().slice(0, 10) > round.value.closesOn) return { ok: false, refusal: "sign_ups_closed" };
    return round;
  }

  private async signUpsFor(tenantId: string, roundId: string): Promise<SignUpDocument[]> {
    const stored = await this.signUps.query(tenantId, { where: { roundId }, limit: MAX_DOCUMENTS });
    return stored.map(({ value }) => value);
  }

  /** Every circle formed so far, grouped by round: who has already met whom. */
  private async history(tenantId: string): Promise<string[][][]> {
    const circles = await this.circles.query(tenantId, { limit: MAX_DOCUMENTS });
    const byRound = new Map<string, string[][]>();
    for (const { value } of circles)
      byRound.set(value.roundId ?? value.id, [...(byRound.get(value.roundId ?? value.id) ?? []), value.formedWith]);
    return [...byRound.values()];
  }

  private summary(id: string, round: RoundDocument, signUpCount: number, mySignUp?: SignUpInput): RoundSummary {
    return {
      id,
      name: round.name,
      ...(round.topic ? { topic: round.topic } : {}),
      closesOn: round.closesOn,
      startsOn: round.startsOn,
      groupSize: round.groupSize,
      cadence: round.cadence,
      slots: round.slots,
      status: round.status,
      signUpCount,
      ...(mySignUp ? { mySignUp } : {}),
    };
  }
}

/** The first candidate slot every member of the group can make; the engine guarantees one exists. */
function sharedSlot(memberIds: string[], windowsOf: Map<string, string[]>, slots: readonly { id: string }[]): string | undefined {
  return slots.find((slot) => memberIds.every((userId) => windowsOf.get(userId)?.includes(slot.id) ?? true))?.id;
}
