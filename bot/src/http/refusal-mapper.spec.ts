import { describe, expect, it } from "vitest";
import type { RelayRefusal } from "../bot/relay.js";
import type { BuddyRefusal } from "../buddies/buddy-service.js";
import type { RoundRefusal } from "../circles/round-service.js";
import type { HuddleServiceRefusal } from "../huddles/huddle-service.js";
import type { TemplateRefusal } from "../huddles/template-library.js";
import type { RequestActRefusal } from "../requests/request-service.js";
import type { ResourceRefusal } from "../resources/resource-library.js";
import { STATUS_BY_CODE } from "./error-responses.js";
import { refusalAnswer, refusalError } from "./refusal-mapper.js";
import { REFUSAL_TABLES, type RefusalFeature, type RefusalOf, type RefusalTable } from "./refusal-tables.js";
import { SERVER_MESSAGES_EN } from "./server-messages.js";

/**
 * The status each refusal is meant to get, written out independently of the tables: a row that
 * drifts to a generic 409 (or a 404 turned 403) fails here. Typed per union, so it is exhaustive too.
 */
const INTENDED_STATUS: { readonly [Feature in RefusalFeature]: Readonly<Record<RefusalOf<Feature>, number>> } = {
  rounds: { not_found: 404, closed: 409, sign_ups_closed: 409, unknown_window: 400, no_sign_ups: 409 },
  buddies: { already_paired: 409, matching: 409 },
  requests: {
    not_found: 404,
    already_claimed: 409,
    illegal_transition: 409,
    not_supporter: 403,
    own_request: 403,
    not_claimer: 403,
    not_requester: 403,
  },
  relay: { not_found: 404, empty: 400, not_claimed_yet: 409, closed: 409, unreachable: 503 },
  huddles: {
    not_facilitator: 403,
    not_organizer: 403,
    not_found: 404,
    unknown_template: 400,
    invalid_level: 400,
    already_running: 409,
    changed: 409,
    already_answered: 409,
    no_pulse: 409,
    not_participant: 400,
    not_allowed_now: 409,
    no_next_step: 409,
    no_previous_step: 409,
    no_round: 409,
    round_finished: 409,
    extension_limit: 409,
  },
  templates: { not_found: 404, built_in: 403, changed: 409, limit: 409 },
  resources: { not_found: 404, changed: 409, limit: 409 },
};

/** The only refusals allowed to share words within a feature, each group on purpose. */
const SHARED_WORDS: { readonly [Feature in RefusalFeature]?: readonly (readonly RefusalOf<Feature>[])[] } = {
  // The huddle clock's "not at this point" reasons: the tab shows the latest state either way.
  huddles: [["not_allowed_now", "no_next_step", "no_previous_step", "no_round", "round_finished", "extension_limit"]],
};

/** The fallbacks the routes used before the tables were exhaustive; no refusal should land on one. */
const OLD_FALLBACKS = ["That is not possible now.", "That change is not possible."];

const features = Object.keys(REFUSAL_TABLES) as RefusalFeature[];
const refusalsOf = <Feature extends RefusalFeature>(feature: Feature) => Object.keys(REFUSAL_TABLES[feature]) as RefusalOf<Feature>[];

describe("refusalError", () => {
  it.each(features)("gives every %s refusal the status it is meant to have", (feature) => {
    for (const refusal of refusalsOf(feature)) {
      const error = refusalError(feature, refusal);
      expect({ refusal, status: STATUS_BY_CODE[error.code] }).toEqual({ refusal, status: INTENDED_STATUS[feature][refusal] });
    }
  });

  it.each(features)("gives every %s refusal its own words, never a generic fallback", (feature) => {
    const shared = new Set<string>((SHARED_WORDS[feature] ?? []).flat());
    const seen = new Map<string, string>();
    for (const refusal of refusalsOf(feature)) {
      const { userMessage } = refusalError(feature, refusal);
      expect(userMessage.trim()).not.toBe("");
      expect(OLD_FALLBACKS).not.toContain(userMessage);
      if (shared.has(refusal)) continue;
      expect(seen.get(userMessage), `${feature}.${refusal} repeats the words of another refusal`).toBeUndefined();
      seen.set(userMessage, refusal);
    }
  });

  it("shares words only inside a declared group", () => {
    for (const group of SHARED_WORDS.huddles ?? []) {
      const keys = new Set(group.map((refusal) => refusalAnswer("huddles", refusal)[1]));
      expect(keys.size).toBe(1);
    }
  });

  it("keeps the words the tab and tests know, read from the catalogue", () => {
    expect(refusalError("requests", "already_claimed")).toMatchObject({ code: "conflict", userMessage: "Already claimed by a colleague." });
    expect(refusalError("relay", "not_found").userMessage).toBe(refusalError("requests", "not_found").userMessage);
    expect(refusalError("rounds", "closed").userMessage).toBe(SERVER_MESSAGES_EN.roundClosed);
  });

  it("refuses to guess for a refusal outside the feature's union", () => {
    // "closed" is no buddy refusal, so only a cast gets it past the types (the type-level check below says so).
    const outside = "closed" as BuddyRefusal;
    expect(() => refusalError("buddies", outside)).toThrow(/No HTTP answer for the buddies refusal "closed"/);
  });
});

// Type-level checks: `npm run typecheck` fails if any of these stops holding.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Each table answers exactly its feature's union: not a member more, not one fewer. */
export const TABLES_MATCH_UNIONS: readonly true[] = [
  true satisfies Same<RefusalOf<"rounds">, RoundRefusal>,
  true satisfies Same<RefusalOf<"buddies">, BuddyRefusal>,
  true satisfies Same<RefusalOf<"requests">, RequestActRefusal>,
  true satisfies Same<RefusalOf<"relay">, RelayRefusal>,
  true satisfies Same<RefusalOf<"huddles">, HuddleServiceRefusal>,
  true satisfies Same<RefusalOf<"templates">, TemplateRefusal>,
  true satisfies Same<RefusalOf<"resources">, ResourceRefusal>,
];
/** A table missing a member of its union is no table for it, and a refusal outside a union is none of its: the point of the whole mapper. */
type MissingRow = { already_paired: ["conflict", "buddyAlreadyPaired"] } extends RefusalTable<BuddyRefusal> ? true : false;
type ClosedIsABuddyRefusal = "closed" extends BuddyRefusal ? true : false;
export const OUTSIDE_THE_UNIONS_FAILS: readonly false[] = [false satisfies MissingRow, false satisfies ClosedIsABuddyRefusal];
