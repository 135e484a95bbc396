import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  availableActions,
  isClosed,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  transition,
  type RequestAction,
  type RequestState,
  type RequestStatus,
} from "./request-status.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const requester = { userId: "requester", isSupporter: false };
const supporter = { userId: "supporter-a", isSupporter: true };
const otherSupporter = { userId: "supporter-b", isSupporter: true };
const member = { userId: "member", isSupporter: false };

const stateIn = (status: RequestStatus): RequestState =>
  status === "open" ? { status, requesterId: "requester" } : { status, requesterId: "requester", claimedBy: "supporter-a" };

/** Every legal change: [from, action, actor, to]. Anything not listed here must be refused. */
const LEGAL: [RequestStatus, RequestAction, typeof supporter, RequestStatus][] = [
  ["open", "claim", supporter, "claimed"],
  ["open", "claim", otherSupporter, "claimed"],
  ["open", "withdraw", requester, "withdrawn"],
  ["claimed", "release", supporter, "open"],
  ["claimed", "start_conversation", supporter, "in_conversation"],
  ["claimed", "refer", supporter, "referred"],
  ["claimed", "resolve", supporter, "resolved"],
  ["claimed", "withdraw", requester, "withdrawn"],
  ["in_conversation", "release", supporter, "open"],
  ["in_conversation", "refer", supporter, "referred"],
  ["in_conversation", "resolve", supporter, "resolved"],
  ["in_conversation", "withdraw", requester, "withdrawn"],
];

describe("request status machine", () => {
  it.each(LEGAL)("%s --%s--> %s", (from, action, actor, to) => {
    const result = transition(stateIn(from), action, actor);
    expect(result).toMatchObject({ ok: true, state: { status: to } });
  });

  it("refuses every other combination of status, action and actor", () => {
    for (const status of REQUEST_STATUSES) {
      for (const action of REQUEST_ACTIONS) {
        for (const actor of [requester, supporter, otherSupporter, member]) {
          const legal = LEGAL.some(([from, legalAction, legalActor]) => from === status && legalAction === action && legalActor === actor);
          expect(transition(stateIn(status), action, actor).ok, `${status} ${action} by ${actor.userId}`).toBe(legal);
        }
      }
    }
  });

  it("records the claimer on claim and forgets them on release", () => {
    const claimed = transition(stateIn("open"), "claim", supporter);
    expect(claimed).toEqual({ ok: true, state: { status: "claimed", requesterId: "requester", claimedBy: "supporter-a" } });
    const released = transition(stateIn("claimed"), "release", supporter);
    expect(released).toEqual({ ok: true, state: { status: "open", requesterId: "requester" } });
  });

  it("says why a change is refused", () => {
    expect(transition(stateIn("claimed"), "claim", otherSupporter)).toEqual({ ok: false, refusal: "already_claimed" });
    expect(transition(stateIn("open"), "claim", member)).toEqual({ ok: false, refusal: "not_supporter" });
    expect(transition({ status: "open", requesterId: "supporter-a" }, "claim", supporter)).toEqual({ ok: false, refusal: "own_request" });
    expect(transition(stateIn("claimed"), "resolve", otherSupporter)).toEqual({ ok: false, refusal: "not_claimer" });
    expect(transition(stateIn("open"), "withdraw", supporter)).toEqual({ ok: false, refusal: "not_requester" });
    expect(transition(stateIn("resolved"), "withdraw", requester)).toEqual({ ok: false, refusal: "illegal_transition" });
  });

  it("treats referred, resolved and withdrawn as closed", () => {
    expect(REQUEST_STATUSES.filter(isClosed)).toEqual(["referred", "resolved", "withdrawn"]);
  });

  it("offers exactly the actions that would succeed", () => {
    expect(availableActions(stateIn("open"), supporter)).toEqual(["claim"]);
    expect(availableActions(stateIn("claimed"), supporter)).toEqual(["release", "start_conversation", "refer", "resolve"]);
    expect(availableActions(stateIn("claimed"), requester)).toEqual(["withdraw"]);
  });

  it("never leaves a closed request or loses its requester, whatever the sequence", () => {
    const actors = [requester, supporter, otherSupporter, member];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...REQUEST_ACTIONS), fc.constantFrom(...actors)), { maxLength: 30 }), (steps) => {
        let state: RequestState = { status: "open", requesterId: "requester" };
        for (const [action, actor] of steps) {
          const wasClosed = isClosed(state.status);
          const result = transition(state, action, actor);
          if (wasClosed) expect(result.ok).toBe(false);
          if (result.ok) state = result.state;
          expect(state.requesterId).toBe("requester");
          expect(Boolean(state.claimedBy)).toBe(state.status !== "open" && !(state.status === "withdrawn" && !state.claimedBy));
        }
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
