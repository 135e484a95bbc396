import type { Resource, ResourceCategory, ResourceContactKind } from "../../../shared/resources/resource-catalogue.js";

/**
 * The editor's working copy: lists are typed as comma-separated text and every field is a string,
 * so half-typed values survive until they are checked with the server's schema.
 */
export interface ResourceDraft {
  title: string;
  description: string;
  category: ResourceCategory;
  contacts: { kind: ResourceContactKind; value: string }[];
  availability: "none" | "always" | "hours" | "note";
  days: "weekdays" | "every_day";
  from: string;
  to: string;
  timeZone: string;
  note: string;
  countries: string;
  languages: string;
  tags: string;
  body: string;
  source: string;
}

export function draftOf(resource: Resource | undefined, timeZone: string): ResourceDraft {
  const availability = resource?.availability;
  return {
    title: resource?.title ?? "",
    description: resource?.description ?? "",
    category: resource?.category ?? "eap",
    contacts: resource ? resource.contacts.map((contact) => ({ ...contact })) : [{ kind: "phone", value: "" }],
    availability: availability?.kind ?? "none",
    days: availability?.kind === "hours" ? availability.days : "weekdays",
    from: availability?.kind === "hours" ? availability.from : "09:00",
    to: availability?.kind === "hours" ? availability.to : "17:00",
    timeZone: availability?.kind === "hours" ? availability.timeZone : timeZone,
    note: availability?.kind === "note" ? availability.note : "",
    countries: resource?.countries.join(", ") ?? "",
    languages: resource?.languages.join(", ") ?? "",
    tags: resource?.tags.join(", ") ?? "",
    body: resource?.body ?? "",
    source: resource?.source ?? "",
  };
}

const listFrom = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** What the draft would send; the schema decides whether it is acceptable. */
export function candidateOf(draft: ResourceDraft): Record<string, unknown> {
  const availability =
    draft.availability === "always"
      ? { kind: "always" }
      : draft.availability === "hours"
        ? { kind: "hours", days: draft.days, from: draft.from, to: draft.to, timeZone: draft.timeZone }
        : draft.availability === "note"
          ? { kind: "note", note: draft.note }
          : undefined;
  return {
    title: draft.title,
    description: draft.description,
    category: draft.category,
    // A contact row left empty is ignored rather than refused.
    contacts: draft.contacts.filter((contact) => contact.value.trim() !== ""),
    ...(availability ? { availability } : {}),
    countries: listFrom(draft.countries).map((code) => code.toUpperCase()),
    languages: listFrom(draft.languages),
    tags: listFrom(draft.tags),
    ...(draft.body.trim() ? { body: draft.body } : {}),
    ...(draft.source.trim() ? { source: draft.source } : {}),
  };
}
