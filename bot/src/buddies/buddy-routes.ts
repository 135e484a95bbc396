import { z } from "zod";
import { buddyOfferSchema, buddyRequestSchema, type BuddyMatchReport, type MyBuddies } from "../../../shared/circles/buddy-programme.js";
import { AppError, type CallerIdentity } from "../../../shared/index.js";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import { refusalError } from "../http/refusal-mapper.js";
import { serverMessage } from "../http/server-messages.js";
import { ConflictError } from "../storage/store-errors.js";
import { pairingCalendar } from "./buddy-calendar-links.js";
import { PAIRING_ID_PATTERN } from "./buddy-documents.js";
import type { BuddyOutcome } from "./buddy-service.js";
import type { BuddyPairingListResponse } from "../../../shared/api/index.js";

// Pairing ids are ours; anything else (a '#', a '/') is refused before it reaches the store.
const pairingId = z.string().regex(PAIRING_ID_PATTERN, "is not a pairing id Peer Circles made");
const emptyBody = z.union([z.strictObject({}), z.undefined(), z.null()]);

function unwrap<T>(outcome: BuddyOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw refusalError("buddies", outcome.refusal);
}

/** A concurrent change to the same offer or request, e.g. the form saved in two windows. */
async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConflictError) throw new AppError("conflict", serverMessage("buddyAnswersChanged"));
    throw error;
  }
}

const personOf = (caller: CallerIdentity) => ({
  userId: caller.userId,
  displayName: caller.displayName ?? "",
  ...(caller.signInName ? { signInName: caller.signInName } : {}),
});
const pairingNotFound = () => new AppError("not_found", serverMessage("buddyPairingNotFound"));

/** Buddies for new hires: anyone can offer or ask, admins run the matching, either person can end a pairing. */
export const BUDDY_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/buddies/mine",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { buddies }) => ({ body: (await buddies.mine(caller.tenantId, caller.userId)) satisfies MyBuddies }),
  },
  {
    method: "put",
    path: "/api/buddies/offer",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, body }, { buddies }) => {
      const answer = parseInput(buddyOfferSchema, body);
      return { body: (await saving(() => buddies.offer(caller.tenantId, personOf(caller), answer))) satisfies MyBuddies };
    },
  },
  {
    method: "delete",
    path: "/api/buddies/offer",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { buddies }) => {
      if (!(await buddies.withdrawOffer(caller.tenantId, caller.userId))) throw new AppError("not_found", serverMessage("buddyNoOffer"));
      return { status: 204, body: null };
    },
  },
  {
    method: "put",
    path: "/api/buddies/request",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, body }, { buddies }) => {
      const answer = parseInput(buddyRequestSchema, body);
      return { body: unwrap(await saving(() => buddies.request(caller.tenantId, personOf(caller), answer))) satisfies MyBuddies };
    },
  },
  {
    method: "delete",
    path: "/api/buddies/request",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { buddies }) => {
      if (!(await buddies.withdrawRequest(caller.tenantId, caller.userId)))
        throw new AppError("not_found", serverMessage("buddyNoRequest"));
      return { status: 204, body: null };
    },
  },
  {
    method: "post",
    path: "/api/buddies/match",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, body }, { buddies, buddyNotifier }) => {
      parseInput(emptyBody, body);
      const run = unwrap(await buddies.match(caller.tenantId));
      const notice = await buddyNotifier.paired(caller.tenantId, run.created);
      const pairings = (await buddies.active(caller.tenantId)).filter((pairing) => run.created.some((made) => made.id === pairing.id));
      const report: BuddyMatchReport = { paired: run.created.length, pairings, unmatched: run.unmatched, ...notice };
      return { body: report };
    },
  },
  {
    method: "get",
    path: "/api/buddies/pairings",
    role: "admin",
    acceptsBody: false,
    handle: async ({ caller }, { buddies }) => ({
      body: { pairings: await buddies.active(caller.tenantId) } satisfies BuddyPairingListResponse,
    }),
  },
  {
    method: "post",
    path: "/api/buddies/pairings/:pairingId/end",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { buddies }) => {
      parseInput(emptyBody, body);
      if (!(await buddies.end(caller.tenantId, parseInput(pairingId, params.pairingId), caller.userId))) throw pairingNotFound();
      return { status: 204, body: null };
    },
  },
  {
    method: "get",
    path: "/api/buddies/pairings/:pairingId/calendar",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, params }, { buddies }) => {
      const pairing = await buddies.findForParty(caller.tenantId, parseInput(pairingId, params.pairingId), caller.userId);
      if (!pairing) throw pairingNotFound();
      return {
        body: pairingCalendar(pairing, caller.userId, new Date()),
        download: { contentType: "text/calendar; charset=utf-8", filename: "buddy-check-in.ics" },
      };
    },
  },
];
