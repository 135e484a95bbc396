import { DEV_USERS } from "../auth/dev-identity.js";

/**
 * Answers "is this person in this Teams team (or group chat)?". A team id sent by a tab proves
 * nothing, so a team's circles and asking to join one ask here first. Only Teams knows, through
 * the bot's roster of the team; false means not a member, or not known to be one.
 * Teams' own answer comes from bot/src/bot/teams-team-directory.ts: only bot/src/bot/ talks to botbuilder.
 */
export interface TeamDirectory {
  isMember(tenantId: string, teamKey: string, userId: string): Promise<boolean>;
}

/** Used when the bot has no way to ask Teams: nobody is taken for a member on their word. */
export const NO_TEAM_DIRECTORY: TeamDirectory = { isMember: async () => false };

/** Development identity mode's declared sample roster: every sample person is in every team. */
export const DEV_TEAM_ROSTER: TeamDirectory = {
  isMember: async (_tenantId, _teamKey, userId) => DEV_USERS.some((user) => user.userId === userId),
};
