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

/**
 * Lower-cases and strips @mentions and punctuation so "Help!", "privacy?" and "<at>Peer</at> help"
 * match. A question mark alone is kept: it is itself a way to ask for help.
 */
export function normaliseCommand(text: string | undefined): string {
  const normalised = (text ?? "")
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}? ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return normalised.replace(/\s*\?+$/, "") || normalised;
}

/** The manifest's name for where the activity came from: a channel is the team scope. */
export function scopeOf(context: TurnContext): "personal" | "team" | "groupChat" {
  if (isPersonalChat(context)) return "personal";
  return context.activity.conversation?.conversationType === "channel" ? "team" : "groupChat";
}

/** The person's language: the activity's own locale, else the one in Teams' clientInfo entity. */
export function localeOf(activity: Partial<Activity>): string | undefined {
  if (typeof activity.locale === "string" && activity.locale.trim()) return activity.locale;
  const clientInfo = (activity.entities ?? []).find((entity) => (entity as { type?: unknown } | null)?.type === "clientInfo") as
    { locale?: unknown } | undefined;
  return typeof clientInfo?.locale === "string" && clientInfo.locale.trim() ? clientInfo.locale : undefined;
}

/**
 * Gives an activity without a locale the one from its clientInfo entity, once at the start of a
 * turn, so every reply and card in the turn (and the contact remembered for later) uses it.
 */
export function adoptClientLocale(activity: Partial<Activity>): void {
  const locale = localeOf(activity);
  if (locale && !activity.locale) activity.locale = locale;
}
