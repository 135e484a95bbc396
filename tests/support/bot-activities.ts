import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";

/** The request form as a person fills it in the bot's card. */
export const REQUEST_FORM = { category: "workload", urgency: "soon", preference: "any", contact: "chat", shareName: "false" } as const;

export const REFERENCE_CODE = /PC-[2-9A-Z]{6}/;

interface ActivityOptions {
  /** A dev sample user's key, e.g. "mia", or anyone else in the dev tenant. */
  user: string | { userId: string; name: string };
  /** Where the bot's replies go: a connector stub's URL. */
  serviceUrl: string;
  id: string;
}

/** What Teams delivers to the bot from a one-to-one chat, as in the other API tests. */
function personalActivity({ user, serviceUrl, id }: ActivityOptions) {
  const dev = typeof user === "string" ? DEV_USERS.find((candidate) => candidate.key === user) : undefined;
  if (typeof user === "string" && !dev) throw new Error(`no dev user ${user}`);
  const person = dev ? { userId: dev.userId, name: dev.displayName } : (user as { userId: string; name: string });
  return {
    id,
    channelId: "msteams",
    serviceUrl,
    locale: "en-GB",
    timestamp: new Date().toISOString(),
    from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: person.name },
    recipient: { id: "28:bot" },
    conversation: { id: `a:${person.userId}-personal`, conversationType: "personal", tenantId: DEV_TENANT_ID },
    channelData: { tenant: { id: DEV_TENANT_ID } },
  };
}

export function personalMessage(options: ActivityOptions & { text: string }) {
  return { ...personalActivity(options), type: "message", text: options.text };
}

/** The request form's "Send" (an Adaptive Card Action.Execute), answered in the HTTP response. */
export function requestSubmission(options: ActivityOptions & { text: string }) {
  return {
    ...personalActivity(options),
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb: "submitRequest", data: { ...REQUEST_FORM, text: options.text } } },
  };
}

/** Posts one activity to the bot endpoint, as the Bot Connector would. */
export async function postActivity(serverUrl: string, activity: object, init: RequestInit = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(`${serverUrl}/api/messages`, {
    ...init,
    method: "POST",
    headers: { "Content-Type": "application/json", ...init.headers },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * What Teams delivers when someone @mentions the bot in a group chat or a team channel: the
 * mention is part of the text, as `<at>name</at>`, and named again in the entities.
 */
export function sharedChatMention(
  options: ActivityOptions & { text: string; conversationType: "groupChat" | "channel"; tenantId?: string },
) {
  const tenantId = options.tenantId ?? DEV_TENANT_ID;
  const dev = typeof options.user === "string" ? DEV_USERS.find((candidate) => candidate.key === options.user) : undefined;
  if (typeof options.user === "string" && !dev) throw new Error(`no dev user ${options.user}`);
  const person = dev ? { userId: dev.userId, name: dev.displayName } : (options.user as { userId: string; name: string });
  const bot = { id: "28:bot", name: "Peer Circles" };
  const channel = "19:peer-channel@thread.tacv2";
  return {
    type: "message",
    id: options.id,
    channelId: "msteams",
    serviceUrl: options.serviceUrl,
    locale: "en-GB",
    timestamp: new Date().toISOString(),
    from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: person.name },
    recipient: bot,
    conversation:
      options.conversationType === "groupChat"
        ? { id: "19:peer-group@thread.v2", conversationType: "groupChat", isGroup: true, tenantId }
        : { id: `${channel};messageid=1767225600000`, conversationType: "channel", isGroup: true, tenantId },
    text: `<at>${bot.name}</at> ${options.text}`,
    entities: [{ type: "mention", text: `<at>${bot.name}</at>`, mentioned: bot }],
    channelData:
      options.conversationType === "groupChat"
        ? { tenant: { id: tenantId } }
        : { tenant: { id: tenantId }, teamsChannelId: channel, teamsTeamId: "19:peer-team@thread.tacv2", channel: { id: channel } },
  };
}
