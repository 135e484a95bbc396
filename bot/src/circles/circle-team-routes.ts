import { z } from "zod";
import { circleEditSchema, type CircleView } from "../../../shared/circles/circle-programme.js";
import { AppError, hasRole } from "../../../shared/index.js";
import { parseInput, type ApiRoute, type ApiServices } from "../api/api-routes.js";
import type { JoinRequestedResponse, TeamCircleListResponse } from "../../../shared/api/index.js";
import { serverMessage } from "../http/server-messages.js";

const circleId = z.string().regex(/^circle-[0-9a-f-]{1,60}$/, "is not a circle id");
// Teams team ids and chat ids look like "19:…@thread.tacv2" / "19:…@thread.v2" (the bot roster's ids).
const teamKey = z.string().regex(/^[A-Za-z0-9:@._=-]{1,200}$/, "is not a Teams team or chat id");
const objectId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "is not an Entra object id");
const joinBody = z.strictObject({ teamKey });
const circleNotFound = () => new AppError("not_found", serverMessage("circleNotFound"));
const notInTeam = () => new AppError("forbidden", serverMessage("circleNotInTeam"));

/** Teams, not the tab, says who is in a team: the id in the path or body is only a claim. */
async function assertInTeam(teams: ApiServices["teams"], tenantId: string, key: string, userId: string): Promise<void> {
  if (!(await teams.isMember(tenantId, key, userId))) throw notInTeam();
}

/** A team's circles (its configurable tab), asking to join, and admins editing circles and deciding. */
export const CIRCLE_TEAM_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/teams/:teamKey/circles",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, params }, { circles, teams }) => {
      const key = parseInput(teamKey, params.teamKey);
      await assertInTeam(teams, caller.tenantId, key, caller.userId);
      return { body: { circles: await circles.forTeam(caller.tenantId, key, caller.userId) } satisfies TeamCircleListResponse };
    },
  },
  {
    method: "post",
    path: "/api/circles/:circleId/join-requests",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { circles, teams }) => {
      const id = parseInput(circleId, params.circleId);
      const { teamKey: fromTeam } = parseInput(joinBody, body);
      await assertInTeam(teams, caller.tenantId, fromTeam, caller.userId);
      const person = { userId: caller.userId, displayName: caller.displayName ?? "" };
      // Only circles listed in that team's tab can be asked for, so ids from elsewhere reveal nothing.
      if (!(await circles.requestToJoin(caller.tenantId, id, person, fromTeam))) throw circleNotFound();
      return { status: 202, body: { requested: true } satisfies JoinRequestedResponse };
    },
  },
  {
    method: "post",
    path: "/api/circles/:circleId/facilitator",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { circles }) => {
      const id = parseInput(circleId, params.circleId);
      const { userId = caller.userId } = parseInput(z.strictObject({ userId: objectId.optional() }), body);
      // Members offer themselves; only an admin can name someone else.
      if (userId !== caller.userId && !hasRole(caller.roles, "admin"))
        throw new AppError("forbidden", serverMessage("circleFacilitatorAdminOnly"));
      const circle = await circles.find(caller.tenantId, id);
      const allowed = circle && (hasRole(caller.roles, "admin") || circle.members.some((member) => member.userId === caller.userId));
      const updated = allowed ? await circles.facilitateNext(caller.tenantId, id, userId) : undefined;
      if (!updated) throw circleNotFound();
      return { body: updated satisfies CircleView };
    },
  },
  {
    method: "put",
    path: "/api/circles/:circleId",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { circles }) => {
      const edited = await circles.edit(caller.tenantId, parseInput(circleId, params.circleId), parseInput(circleEditSchema, body));
      if (!edited) throw circleNotFound();
      return { body: edited satisfies CircleView };
    },
  },
  {
    method: "post",
    path: "/api/circles/:circleId/join-requests/:userId/:decision",
    role: "admin",
    acceptsBody: false,
    handle: async ({ caller, params }, { circles }) => {
      const decision = parseInput(z.enum(["approve", "decline"]), params.decision);
      const decided = await circles.decideJoin(
        caller.tenantId,
        parseInput(circleId, params.circleId),
        parseInput(objectId, params.userId),
        decision === "approve",
      );
      if (!decided) throw new AppError("not_found", serverMessage("circleJoinRequestGone"));
      return { body: decided satisfies CircleView };
    },
  },
];
