import type { Activity, TurnContext } from "botbuilder";

/** Who wrote, from the activity that botbuilder authenticated. Never from card or message content. */
export function identityOf(activity: Partial<Activity>): { tenantId: string; userId: string; displayName?: string } | undefined {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation?.tenantId ?? (typeof channelTenant === "string" ? channelTenant : undefined);
  const userId = activity.from?.aadObjectId;
  if (!tenantId || !userId) return undefined;
  return { tenantId, userId, ...(activity.from?.name ? { displayName: activity.from.name } : {}) };
}

export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === undefined || type === "personal";
}

/** Lower-cases and strips @mentions and punctuation so "Help!" and "<at>Peer</at> help" match. */
export function normaliseCommand(text: string | undefined): string {
  return (text ?? "")
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}? ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
