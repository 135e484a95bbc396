/**
 * The life of a request for help, as a pure state machine: which change is allowed from which
 * status, and who may make it. The bot and the tab both call this; neither decides on its own.
 */
export const REQUEST_STATUSES = ["open", "claimed", "in_conversation", "referred", "resolved", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ["claim", "release", "start_conversation", "refer", "resolve", "withdraw"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const CLOSED_STATUSES: readonly RequestStatus[] = ["referred", "resolved", "withdrawn"];

export interface RequestState {
  status: RequestStatus;
  requesterId: string;
  claimedBy?: string;
}

export interface RequestActor {
  userId: string;
  isSupporter: boolean;
}

/** Why a change was refused; each surface turns the code into words from its own catalogue. */
export type TransitionRefusal =
  "illegal_transition" | "already_claimed" | "not_supporter" | "own_request" | "not_claimer" | "not_requester";

export type TransitionResult = { ok: true; state: RequestState } | { ok: false; refusal: TransitionRefusal };

interface Rule {
  from: readonly RequestStatus[];
  to: RequestStatus;
  who: "supporter" | "claimer" | "requester";
}

const RULES: Record<RequestAction, Rule> = {
  claim: { from: ["open"], to: "claimed", who: "supporter" },
  release: { from: ["claimed", "in_conversation"], to: "open", who: "claimer" },
  start_conversation: { from: ["claimed"], to: "in_conversation", who: "claimer" },
  refer: { from: ["claimed", "in_conversation"], to: "referred", who: "claimer" },
  resolve: { from: ["claimed", "in_conversation"], to: "resolved", who: "claimer" },
  withdraw: { from: ["open", "claimed", "in_conversation"], to: "withdrawn", who: "requester" },
};

export function isClosed(status: RequestStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

export function transition(state: RequestState, action: RequestAction, actor: RequestActor): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(state.status)) {
    return { ok: false, refusal: action === "claim" && state.claimedBy ? "already_claimed" : "illegal_transition" };
  }
  const refusal = refusalFor(rule.who, state, actor);
  if (refusal) return { ok: false, refusal };
  const next: RequestState = { status: rule.to, requesterId: state.requesterId };
  if (action === "claim") next.claimedBy = actor.userId;
  else if (rule.to !== "open" && state.claimedBy) next.claimedBy = state.claimedBy;
  return { ok: true, state: next };
}

function refusalFor(who: Rule["who"], state: RequestState, actor: RequestActor): TransitionRefusal | undefined {
  if (who === "requester") return actor.userId === state.requesterId ? undefined : "not_requester";
  if (who === "claimer") return actor.userId === state.claimedBy ? undefined : "not_claimer";
  if (!actor.isSupporter) return "not_supporter";
  // A supporter who asks for help is a requester like anyone else and cannot take their own case.
  return actor.userId === state.requesterId ? "own_request" : undefined;
}

/** The actions a given person could take now, for buttons and menus. */
export function availableActions(state: RequestState, actor: RequestActor): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => transition(state, action, actor).ok);
}
