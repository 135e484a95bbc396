import { z } from "zod";
import { AppError, hasRole, type CallerIdentity } from "../../../shared/index.js";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import type { HuddleOutcome, HuddleView } from "./huddle-service.js";

const meetingId = z.string().min(1).max(512);
const createBody = z.strictObject({ meetingId, templateId: z.string().min(1).max(64) });
const actionBody = z.strictObject({
  type: z.enum(["start", "pause", "resume", "next", "previous", "extend", "next_speaker", "skip_speaker", "end", "hand_over", "take_over"]),
  to: z.string().min(1).max(64).optional(),
  version: z.string().min(1).max(128).optional(),
  participants: z.array(z.string().min(1).max(64)).max(50).optional(),
});
const pulseBody = z.strictObject({ level: z.number().int() });

const REFUSALS: Record<string, [AppError["code"], string]> = {
  not_facilitator: ["forbidden", "Only the facilitator can control the huddle."],
  not_organizer: ["forbidden", "Only the meeting organiser can take over."],
  not_found: ["not_found", "There is no huddle in this meeting yet."],
  unknown_template: ["bad_request", "That template does not exist."],
  invalid_level: ["bad_request", "Choose a level from 1 to 5."],
  already_running: ["conflict", "A huddle is already running in this meeting."],
  changed: ["conflict", "The huddle changed a moment ago. The latest state is shown."],
  already_answered: ["conflict", "You have already answered this pulse."],
  no_pulse: ["conflict", "There is no pulse check open right now."],
};

function unwrap(outcome: HuddleOutcome<HuddleView>): HuddleView {
  if (outcome.ok) return outcome.value;
  const [code, message] = REFUSALS[outcome.refusal] ?? ["conflict", "That is not possible at this point of the huddle."];
  throw new AppError(code, message);
}

/** A participant's stable key in a speaking round: opaque, never a name. */
const speakerKey = (caller: CallerIdentity) => caller.userId;

export const HUDDLE_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/time",
    role: "member",
    acceptsBody: false,
    // Clients estimate their clock offset from this, NTP-style, over several round trips.
    handle: async () => ({ body: { serverNow: Date.now() } }),
  },
  {
    method: "post",
    path: "/api/huddles",
    role: ["facilitator", "admin"],
    acceptsBody: true,
    handle: async ({ caller, body }, { huddles, huddleHub }) => {
      if (!hasRole(caller.roles, "facilitator") && !hasRole(caller.roles, "admin")) {
        throw new AppError("forbidden", "Only facilitators can start a huddle.");
      }
      const input = parseInput(createBody, body);
      const view = unwrap(await huddles.create(caller.tenantId, input.meetingId, input.templateId, caller.userId));
      huddleHub.publish(caller.tenantId, input.meetingId, view);
      return { status: 201, body: view };
    },
  },
  {
    method: "get",
    path: "/api/huddles/:meetingId",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, params }, { huddles }) => {
      const view = await huddles.read(caller.tenantId, parseInput(meetingId, params.meetingId));
      if (!view) throw new AppError("not_found", "There is no huddle in this meeting yet.");
      return { body: view };
    },
  },
  {
    method: "post",
    path: "/api/huddles/:meetingId/actions",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { huddles, huddleHub, meetingOrganizers }) => {
      const id = parseInput(meetingId, params.meetingId);
      const input = parseInput(actionBody, body);
      // Only Teams can say who organised the meeting; it is asked only when someone tries to take over.
      const isOrganizer = input.type === "take_over" && (await meetingOrganizers.isOrganizer(caller.tenantId, id, caller.userId));
      // A new speaking round is made of everyone who has the huddle open right now.
      const participants = input.participants ?? huddleHub.participants(caller.tenantId, id);
      const action = {
        ...input,
        participants,
        by: caller.userId,
        isOrganizer,
        ...(input.type === "hand_over" ? { to: input.to ?? "" } : {}),
      } as Parameters<typeof huddles.act>[2];
      const view = unwrap(await huddles.act(caller.tenantId, id, action, input.version));
      huddleHub.publish(caller.tenantId, id, view);
      return { body: view };
    },
  },
  {
    method: "post",
    path: "/api/huddles/:meetingId/pulse",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { huddles, huddleHub }) => {
      const id = parseInput(meetingId, params.meetingId);
      const { level } = parseInput(pulseBody, body);
      const view = unwrap(await huddles.answerPulse(caller.tenantId, id, speakerKey(caller), level));
      huddleHub.publish(caller.tenantId, id, view);
      return { body: view };
    },
  },
];
