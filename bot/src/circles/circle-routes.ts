import { z } from "zod";
import { openRoundSchema, signUpSchema, type RoundPreview, type RoundSummary } from "../../../shared/circles/circle-programme.js";
import { AppError, hasRole, type CallerIdentity } from "../../../shared/index.js";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import { botMessages } from "../bot/bot-messages.js";
import { refusalError } from "../http/refusal-mapper.js";
import { serverMessage } from "../http/server-messages.js";
import { ConflictError } from "../storage/store-errors.js";
import { CIRCLE_TEAM_ROUTES } from "./circle-team-routes.js";
import type { RoundOutcome } from "./round-service.js";
import type { CircleListResponse, PublishedRoundResponse, RoundListResponse } from "../../../shared/api/index.js";

// Ids are ours ("round-…", "circle-…"); anything else is refused before it reaches the store.
const documentId = z.string().regex(/^[a-z]+-[0-9a-f-]{1,60}$/, "is not an id Peer Circles made");
const emptyBody = z.union([z.strictObject({}), z.undefined(), z.null()]);

function unwrap<T>(outcome: RoundOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw refusalError("rounds", outcome.refusal);
}

const personOf = (caller: CallerIdentity) => ({
  userId: caller.userId,
  displayName: caller.displayName ?? "",
  ...(caller.signInName ? { signInName: caller.signInName } : {}),
});
const circleNotFound = () => new AppError("not_found", serverMessage("circleNotFoundOrNotMember"));

/** Sign-up rounds (admins run them, everyone can volunteer) and the circles they form. */
const ROUND_AND_CIRCLE_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/circle-rounds",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { rounds }) => ({
      body: { rounds: await rounds.list(caller.tenantId, caller.userId, hasRole(caller.roles, "admin")) } satisfies RoundListResponse,
    }),
  },
  {
    method: "post",
    path: "/api/circle-rounds",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, body }, { rounds }) => ({
      status: 201,
      body: (await rounds.open(caller.tenantId, parseInput(openRoundSchema, body), caller.userId)) satisfies RoundSummary,
    }),
  },
  {
    method: "put",
    path: "/api/circle-rounds/:roundId/sign-up",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { rounds }) => ({
      body: unwrap(
        await rounds.signUp(caller.tenantId, parseInput(documentId, params.roundId), personOf(caller), parseInput(signUpSchema, body)),
      ) satisfies RoundSummary,
    }),
  },
  {
    method: "delete",
    path: "/api/circle-rounds/:roundId/sign-up",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, params }, { rounds }) => {
      unwrap(await rounds.withdraw(caller.tenantId, parseInput(documentId, params.roundId), caller.userId));
      return { status: 204, body: null };
    },
  },
  {
    method: "get",
    path: "/api/circle-rounds/:roundId/preview",
    role: "admin",
    acceptsBody: false,
    handle: async ({ caller, params }, { rounds }) => {
      const { groups: _groups, ...preview } = unwrap(await rounds.preview(caller.tenantId, parseInput(documentId, params.roundId)));
      return { body: preview satisfies RoundPreview };
    },
  },
  {
    method: "post",
    path: "/api/circle-rounds/:roundId/publish",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { rounds, circles, circleNotifier }) => {
      parseInput(emptyBody, body);
      let formed;
      try {
        formed = unwrap(await rounds.publish(caller.tenantId, parseInput(documentId, params.roundId)));
      } catch (error) {
        // Two admins publishing at once: the loser hears what a later attempt would.
        if (error instanceof ConflictError) throw refusalError("rounds", "closed");
        throw error;
      }
      const notice = await circleNotifier.published(caller.tenantId, formed);
      const published = (await circles.all(caller.tenantId)).filter((circle) => circle.roundId === params.roundId);
      return { body: { circles: published, ...notice } satisfies PublishedRoundResponse };
    },
  },
  {
    method: "get",
    path: "/api/circles/mine",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { circles }) => ({
      body: { circles: await circles.mine(caller.tenantId, caller.userId) } satisfies CircleListResponse,
    }),
  },
  {
    method: "get",
    path: "/api/circles",
    role: "admin",
    acceptsBody: false,
    handle: async ({ caller }, { circles }) => ({ body: { circles: await circles.all(caller.tenantId) } satisfies CircleListResponse }),
  },
  {
    method: "get",
    path: "/api/circles/:circleId/calendar",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, params }, { circles }) => {
      const circle = await circles.find(caller.tenantId, parseInput(documentId, params.circleId));
      const isMember = circle?.members.some((member) => member.userId === caller.userId);
      if (!circle || !(isMember || hasRole(caller.roles, "admin"))) throw circleNotFound();
      const text = botMessages();
      return {
        body: circles.calendar(circle, { description: text.circleCalendarDescription, joinPrompt: text.circleCalendarJoinPrompt }),
        download: {
          contentType: "text/calendar; charset=utf-8",
          filename: `${circle.name.replace(/[^A-Za-z0-9 ._-]+/g, "").trim() || "circle"}.ics`,
        },
      };
    },
  },
  {
    method: "post",
    path: "/api/circles/:circleId/leave",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { circles }) => {
      parseInput(emptyBody, body);
      if (!(await circles.leave(caller.tenantId, parseInput(documentId, params.circleId), caller.userId))) throw circleNotFound();
      return { status: 204, body: null };
    },
  },
];

export const CIRCLE_ROUTES: readonly ApiRoute[] = [...ROUND_AND_CIRCLE_ROUTES, ...CIRCLE_TEAM_ROUTES];
