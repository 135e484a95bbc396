import { z } from "zod";
import { AppError, hasRole, type CallerIdentity } from "../../../shared/index.js";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import { refusalError } from "../http/refusal-mapper.js";
import { serverMessage } from "../http/server-messages.js";
import type { ApiServices } from "../api/api-routes.js";
import type { HuddleOutcome, HuddleView } from "./huddle-service.js";
import { VIEWER_KEY, viewFor } from "./huddle-wire.js";
import { huddleDocumentId } from "./huddle-service.js";
import type { HuddlePresenceResponse, ServerTimeResponse } from "../../../shared/api/index.js";

const meetingId = z.string().min(1).max(512);
const createBody = z.strictObject({ meetingId, templateId: z.string().min(1).max(64) });
const actionBody = z.strictObject({
  type: z.enum(["start", "pause", "resume", "next", "previous", "extend", "next_speaker", "skip_speaker", "end", "hand_over", "take_over"]),
  to: z.string().min(1).max(64).optional(),
  version: z.string().min(1).max(128).optional(),
});
const pulseBody = z.strictObject({ level: z.number().int() });
const summaryBody = z.strictObject({
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .max(35)
    .optional(),
});

/**
 * Only the meeting's participants, as Teams says, may open, stream, steer or answer its huddle. It
 * is asked before the store, so the answer is the same whether a huddle exists there or not.
 */
export async function requireMeetingParticipant(meetings: ApiServices["meetings"], caller: CallerIdentity, meetingId: string) {
  const role = await meetings.roleOf(caller.tenantId, meetingId, caller.userId);
  if (!role) throw new AppError("forbidden", serverMessage("huddleMeetingParticipantsOnly"));
  return role;
}

function unwrap(outcome: HuddleOutcome<HuddleView>): HuddleView {
  if (outcome.ok) return outcome.value;
  throw refusalError("huddles", outcome.refusal);
}

export const HUDDLE_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/time",
    role: "member",
    acceptsBody: false,
    // Clients estimate their clock offset from this, NTP-style, over several round trips.
    handle: async () => ({ body: { serverNow: Date.now() } satisfies ServerTimeResponse }),
  },
  {
    method: "post",
    path: "/api/huddles",
    role: ["facilitator", "admin"],
    acceptsBody: true,
    handle: async ({ caller, body }, { huddles, huddleHub, meetings }) => {
      if (!hasRole(caller.roles, "facilitator") && !hasRole(caller.roles, "admin")) {
        throw new AppError("forbidden", serverMessage("huddleFacilitatorsOnly"));
      }
      const input = parseInput(createBody, body);
      const role = await requireMeetingParticipant(meetings, caller, input.meetingId);
      const connected = await huddleHub.participants(caller.tenantId, input.meetingId);
      const view = unwrap(await huddles.create(caller.tenantId, input.meetingId, input.templateId, caller.userId, connected));
      huddleHub.publish(caller.tenantId, input.meetingId, view);
      return { status: 201, body: viewFor(view, caller.userId, role === "Organizer") };
    },
  },
  {
    method: "get",
    path: "/api/huddles/:meetingId",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, params }, { huddles, meetings }) => {
      const id = parseInput(meetingId, params.meetingId);
      const role = await requireMeetingParticipant(meetings, caller, id);
      const view = await huddles.read(caller.tenantId, id);
      if (!view) throw refusalError("huddles", "not_found");
      return { body: viewFor(view, caller.userId, role === "Organizer") };
    },
  },
  {
    method: "post",
    path: "/api/huddles/:meetingId/actions",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { huddles, huddleHub, meetings }) => {
      const id = parseInput(meetingId, params.meetingId);
      const input = parseInput(actionBody, body);
      const role = await requireMeetingParticipant(meetings, caller, id);
      const { version, ...rest } = input;
      const action = {
        ...rest,
        by: caller.userId,
        // Only Teams can say who organised the meeting.
        isOrganizer: role === "Organizer",
        ...(input.type === "hand_over" ? { to: input.to ?? "" } : {}),
      } as Parameters<typeof huddles.act>[2];
      // A speaking round is made of the verified panels the server sees connected, never of a list sent in.
      const connected = await huddleHub.participants(caller.tenantId, id);
      // A new round's speakers are named as Teams names them, and only if Teams lists them in this meeting.
      const nameOf = (userId: string) => meetings.nameOf(caller.tenantId, id, userId);
      const view = unwrap(await huddles.act(caller.tenantId, id, action, version, connected, nameOf));
      huddleHub.publish(caller.tenantId, id, view);
      return { body: viewFor(view, caller.userId, role === "Organizer") };
    },
  },
  {
    method: "post",
    path: "/api/huddles/:meetingId/pulse",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { huddles, huddleHub, meetings }) => {
      const id = parseInput(meetingId, params.meetingId);
      const { level } = parseInput(pulseBody, body);
      const role = await requireMeetingParticipant(meetings, caller, id);
      const view = unwrap(await huddles.answerPulse(caller.tenantId, id, caller.userId, level));
      huddleHub.publish(caller.tenantId, id, view);
      return { body: viewFor(view, caller.userId, role === "Organizer") };
    },
  },
  {
    method: "post",
    path: "/api/huddles/:meetingId/summary",
    role: "member",
    acceptsBody: true,
    // The facilitator posts the ended huddle's summary to the meeting chat, once; the server writes it.
    handle: async ({ caller, params, body }, { huddleSummaries, meetings }) => {
      const id = parseInput(meetingId, params.meetingId);
      const { locale } = parseInput(summaryBody, body ?? {});
      await requireMeetingParticipant(meetings, caller, id);
      const outcome = await huddleSummaries.post(caller.tenantId, id, caller.userId, locale);
      if (!outcome.ok) throw refusalError("huddles", outcome.refusal);
      return { body: { posted: true } };
    },
  },
  {
    method: "get",
    path: "/api/huddles/:meetingId/presence",
    role: "member",
    acceptsBody: false,
    // The facilitator's "who is here": read from shared presence, which only verified streams write.
    handle: async ({ caller, params }, { huddles, presence, meetings }) => {
      const id = parseInput(meetingId, params.meetingId);
      await requireMeetingParticipant(meetings, caller, id);
      const view = await huddles.read(caller.tenantId, id);
      // Before a huddle exists, whoever may set it up (to anyone else there is no huddle yet, as GET
      // says); once it runs, its facilitator alone, whatever their role: the seat can be handed over.
      const maySetUp = hasRole(caller.roles, "facilitator") || hasRole(caller.roles, "admin");
      if (!view && !maySetUp) throw refusalError("huddles", "not_found");
      const isFacilitator =
        view && view.session.clock.facilitatorId !== "" && view.session.clock.facilitatorId === view[VIEWER_KEY](caller.userId);
      if (view && !isFacilitator) throw new AppError("forbidden", serverMessage("huddlePresenceFacilitatorOnly"));
      const here = await presence.whoIsHere(caller.tenantId, huddleDocumentId(id));
      const people = here
        .map(({ userId, displayName }) => ({
          // The session's opaque key, never the Entra object id.
          ...(view ? { key: view[VIEWER_KEY](userId) } : {}),
          ...(displayName ? { displayName } : {}),
          you: userId === caller.userId,
        }))
        .sort((a, b) => (a.displayName ?? "\uffff").localeCompare(b.displayName ?? "\uffff"));
      return { body: { people } satisfies HuddlePresenceResponse };
    },
  },
];
