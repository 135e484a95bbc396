import type { AppErrorCode } from "../../../shared/index.js";
import type { RelayRefusal } from "../bot/relay.js";
import type { BuddyRefusal } from "../buddies/buddy-service.js";
import type { RoundRefusal } from "../circles/round-service.js";
import type { HuddleServiceRefusal } from "../huddles/huddle-service.js";
import type { TemplateRefusal } from "../huddles/template-library.js";
import type { RequestActRefusal } from "../requests/request-service.js";
import type { ResourceRefusal } from "../resources/resource-library.js";
import type { ServerMessageKey } from "./server-messages.js";

/** The HTTP answer for one refusal: the wire code (which fixes the status) and the catalogue key. */
export type RefusalAnswer = readonly [code: AppErrorCode, message: ServerMessageKey];

/**
 * A row for every member of a feature's refusal union and no other: a refusal added to a union
 * without a row here fails to compile, instead of quietly becoming a generic 409.
 */
export type RefusalTable<Refusal extends string> = { readonly [Key in Refusal]: RefusalAnswer };

/** The clock's "not at this point" reasons share one answer: the tab re-renders the state anyway. */
const NOT_POSSIBLE_NOW: RefusalAnswer = ["conflict", "huddleNotPossibleNow"];

export const REFUSAL_TABLES = {
  rounds: {
    not_found: ["not_found", "roundNotFound"],
    closed: ["conflict", "roundClosed"],
    sign_ups_closed: ["conflict", "roundSignUpsClosed"],
    unknown_window: ["bad_request", "roundUnknownWindow"],
    no_sign_ups: ["conflict", "roundNoSignUps"],
  } satisfies RefusalTable<RoundRefusal>,

  buddies: {
    already_paired: ["conflict", "buddyAlreadyPaired"],
    matching: ["conflict", "buddyMatching"],
  } satisfies RefusalTable<BuddyRefusal>,

  requests: {
    not_found: ["not_found", "requestNotFound"],
    already_claimed: ["conflict", "requestAlreadyClaimed"],
    illegal_transition: ["conflict", "requestIllegalTransition"],
    not_supporter: ["forbidden", "requestNotSupporter"],
    own_request: ["forbidden", "requestOwnRequest"],
    not_claimer: ["forbidden", "requestNotClaimer"],
    not_requester: ["forbidden", "requestNotRequester"],
  } satisfies RefusalTable<RequestActRefusal>,

  relay: {
    // The same words as for any other request the caller cannot see, so nothing leaks.
    not_found: ["not_found", "requestNotFound"],
    empty: ["bad_request", "relayEmpty"],
    not_claimed_yet: ["conflict", "relayNotClaimedYet"],
    closed: ["conflict", "relayClosed"],
    unreachable: ["store_unavailable", "relayUnreachable"],
  } satisfies RefusalTable<RelayRefusal>,

  huddles: {
    not_facilitator: ["forbidden", "huddleNotFacilitator"],
    not_organizer: ["forbidden", "huddleNotOrganizer"],
    not_found: ["not_found", "huddleNotFound"],
    unknown_template: ["bad_request", "huddleUnknownTemplate"],
    invalid_level: ["bad_request", "huddleInvalidLevel"],
    already_running: ["conflict", "huddleAlreadyRunning"],
    changed: ["conflict", "huddleChanged"],
    already_answered: ["conflict", "huddleAlreadyAnswered"],
    no_pulse: ["conflict", "huddleNoPulse"],
    not_participant: ["bad_request", "huddleNotParticipant"],
    not_allowed_now: NOT_POSSIBLE_NOW,
    no_next_step: NOT_POSSIBLE_NOW,
    no_previous_step: NOT_POSSIBLE_NOW,
    no_round: NOT_POSSIBLE_NOW,
    round_finished: NOT_POSSIBLE_NOW,
    extension_limit: NOT_POSSIBLE_NOW,
  } satisfies RefusalTable<HuddleServiceRefusal>,

  templates: {
    not_found: ["not_found", "templateNotFound"],
    built_in: ["forbidden", "templateBuiltIn"],
    changed: ["conflict", "templateChanged"],
    limit: ["conflict", "templateLimit"],
  } satisfies RefusalTable<TemplateRefusal>,

  resources: {
    not_found: ["not_found", "resourceNotFound"],
    changed: ["conflict", "resourceChanged"],
    limit: ["conflict", "resourceLimit"],
  } satisfies RefusalTable<ResourceRefusal>,
} as const;

export type RefusalFeature = keyof typeof REFUSAL_TABLES;
/** The refusals a feature's table answers, which `satisfies` above pins to the feature's union. */
export type RefusalOf<Feature extends RefusalFeature> = keyof (typeof REFUSAL_TABLES)[Feature] & string;
