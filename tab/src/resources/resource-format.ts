import type { ResourceAvailability, ResourceCategory, ResourceContact } from "../../../shared/resources/resource-catalogue.js";
import type { Messages, TabMessageKey } from "../i18n/messages.js";

export function categoryLabel({ text }: Messages, category: ResourceCategory): string {
  return text[`resourceCategory_${category}` as const];
}

/** Opening hours as the resource states them, in its own time zone (a helpline keeps its own clock). */
export function availabilityText(
  { text, formatMessage }: Messages,
  availability: ResourceAvailability | undefined,
  locale: string,
): string | undefined {
  if (!availability) return undefined;
  if (availability.kind === "always") return text.resourceAlways;
  if (availability.kind === "note") return availability.note;
  const time = (hhmm: string) => {
    const [hours, minutes] = hhmm.split(":").map(Number);
    return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
      new Date(Date.UTC(2000, 0, 1, hours, minutes)),
    );
  };
  return formatMessage("resourceHours", {
    days: text[`resourceDays_${availability.days}` as const],
    from: time(availability.from),
    to: time(availability.to),
    timeZone: availability.timeZone,
  });
}

/** A country's name in the person's language, or its code if the browser does not know it. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, "en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, "en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function listOf(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}

/** Where a contact's action goes: a phone call, a web page, a Teams chat or a new email. */
export function contactHref(contact: ResourceContact): string {
  switch (contact.kind) {
    case "phone":
      return `tel:${contact.value.replace(/ /g, "")}`;
    case "url":
      return contact.value;
    case "teamsChat":
      return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(contact.value)}`;
    case "email":
      return `mailto:${contact.value}`;
  }
}

const ACTION_KEYS: Record<ResourceContact["kind"], TabMessageKey> = {
  phone: "resourceCall",
  url: "resourceOpen",
  teamsChat: "resourceChat",
  email: "resourceEmail",
};

/** "Call 116 123", "Open samaritans.org": the action names what it reaches, so links read well out of context. */
export function contactActionLabel({ formatMessage }: Messages, contact: ResourceContact): string {
  const shown = contact.kind === "url" ? contact.value.replace(/^https:\/\/(www\.)?/, "").replace(/\/$/, "") : contact.value;
  return formatMessage(ACTION_KEYS[contact.kind], { value: shown });
}

/** Whether the action leaves the app, so it opens in a new window instead of replacing the tab. */
export function opensElsewhere(contact: ResourceContact): boolean {
  return contact.kind === "url" || contact.kind === "teamsChat";
}
