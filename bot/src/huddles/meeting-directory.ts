import { DEV_USERS } from "../auth/dev-identity.js";

/** A person's part in a Teams meeting, as Teams reports it. */
export type MeetingRole = "Organizer" | "Presenter" | "Attendee";

/**
 * Answers "is this person in this Teams meeting, and as what?". Only Teams can say: a meeting id
 * sent by a client proves nothing, so every huddle route asks here before anything else.
 * `undefined` means not a participant, or not known to be one.
 * Teams' own answer comes from bot/src/bot/teams-meeting-directory.ts: only bot/src/bot/ talks to botbuilder.
 */
export interface MeetingDirectory {
  roleOf(tenantId: string, meetingId: string, userId: string): Promise<MeetingRole | undefined>;
  /** A participant's display name, as Teams gives it, for the speaking round; undefined for anyone else. */
  nameOf(tenantId: string, meetingId: string, userId: string): Promise<string | undefined>;
}

/** Used when the bot has no way to ask Teams: nobody is taken for a participant on their word. */
export const NO_MEETING_DIRECTORY: MeetingDirectory = { roleOf: async () => undefined, nameOf: async () => undefined };

/**
 * Development identity mode's declared sample roster: every sample person attends every meeting
 * and nobody is its organiser, so the take-over stays a Teams-only privilege.
 */
export const DEV_MEETING_ROSTER: MeetingDirectory = {
  roleOf: async (_tenantId, _meetingId, userId) => (DEV_USERS.some((user) => user.userId === userId) ? "Attendee" : undefined),
  nameOf: async (_tenantId, _meetingId, userId) => DEV_USERS.find((user) => user.userId === userId)?.displayName,
};
