import { z } from "zod";
import { isTimeZone, TIME_ZONE_MESSAGE } from "../time-zones.js";
import { isLocalTime } from "../zoned-time.js";
import { RESOURCE_CATEGORIES, type Resource } from "./resource-catalogue.js";

/**
 * What an admin may submit for a resource. Kept apart from the catalogue's types and data so zod
 * stays out of the tab's first download: only the lazily loaded editor and the server import it.
 */
export const RESOURCE_LIMITS = {
  titleMaxLength: 100,
  descriptionMaxLength: 300,
  bodyMaxLength: 2000,
  sourceMaxLength: 200,
  noteMaxLength: 100,
  maxContacts: 4,
  phoneMaxLength: 24,
  urlMaxLength: 500,
  emailMaxLength: 254,
  maxCountries: 50,
  maxLanguages: 20,
  maxTags: 10,
  tagMaxLength: 30,
} as const;

const limits = RESOURCE_LIMITS;

// Digits in groups separated by single spaces, with an optional leading +: what a tel: link can dial.
const PHONE_PATTERN = /^\+?[0-9]+(?: [0-9]+)*$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/;

const emailSchema = z.string().trim().max(limits.emailMaxLength).pipe(z.email("is not an email address"));
const httpsUrlSchema = z
  .string()
  .trim()
  .max(limits.urlMaxLength)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, message: "must be an https:// address" }))
  // Credentials in a link would be shown to every member.
  .refine((value) => !/^https:\/\/[^/]*@/.test(value), "must not contain a user name or password");

export const resourceContactSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("phone"),
    value: z.string().trim().min(2).max(limits.phoneMaxLength).regex(PHONE_PATTERN, "may contain only digits, spaces and a leading +"),
  }),
  z.strictObject({ kind: z.literal("url"), value: httpsUrlSchema }),
  // A Teams chat is opened with the person's sign-in address, which has the shape of an email address.
  z.strictObject({ kind: z.literal("teamsChat"), value: emailSchema }),
  z.strictObject({ kind: z.literal("email"), value: emailSchema }),
]);

export const resourceAvailabilitySchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("always") }),
  z
    .strictObject({
      kind: z.literal("hours"),
      days: z.enum(["weekdays", "every_day"]),
      from: z.string().refine(isLocalTime, "is not a 24-hour time written HH:MM"),
      to: z.string().refine(isLocalTime, "is not a 24-hour time written HH:MM"),
      timeZone: z.string().max(64).refine(isTimeZone, TIME_ZONE_MESSAGE),
    })
    .refine((hours) => hours.from !== hours.to, { path: ["to"], message: "must differ from the opening time" }),
  z.strictObject({ kind: z.literal("note"), note: z.string().trim().min(1).max(limits.noteMaxLength) }),
]);

const distinct = (values: readonly string[]) => new Set(values).size === values.length;

export const resourceInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(limits.titleMaxLength),
    description: z.string().trim().min(1).max(limits.descriptionMaxLength),
    category: z.enum(RESOURCE_CATEGORIES),
    contacts: z.array(resourceContactSchema).max(limits.maxContacts).default([]),
    availability: resourceAvailabilitySchema.optional(),
    countries: z
      .array(z.string().regex(COUNTRY_PATTERN, "must be a two-letter country code such as GB"))
      .max(limits.maxCountries)
      .refine(distinct, "must not repeat a country")
      .default([]),
    languages: z
      .array(z.string().regex(LANGUAGE_PATTERN, "must be a language code such as en or pt-BR"))
      .max(limits.maxLanguages)
      .refine(distinct, "must not repeat a language")
      .default([]),
    tags: z.array(z.string().trim().min(1).max(limits.tagMaxLength)).max(limits.maxTags).default([]),
    body: z.string().trim().max(limits.bodyMaxLength).optional(),
    source: z.string().trim().max(limits.sourceMaxLength).optional(),
  })
  // A crisis line nobody can reach would be worse than none: it needs a way to contact it.
  .refine((input) => input.category !== "crisis_line" || input.contacts.length > 0, {
    path: ["contacts"],
    message: "a crisis line needs at least one way to contact it",
  });

export type ResourceInput = z.output<typeof resourceInputSchema>;
export type ResourceContactInput = z.output<typeof resourceContactSchema>;

/** A validated input as a catalogue entry. An admin has saved it, so it no longer needs checking. */
export function resourceFromInput(input: ResourceInput, id: string): Resource {
  return {
    id,
    title: input.title,
    description: input.description,
    category: input.category,
    contacts: input.contacts,
    ...(input.availability ? { availability: input.availability } : {}),
    countries: input.countries,
    languages: input.languages,
    tags: input.tags,
    // Blank optional text is left out rather than stored empty.
    ...(input.body ? { body: input.body } : {}),
    ...(input.source ? { source: input.source } : {}),
    checkAndAdapt: false,
  };
}

/** The editable form of an entry, e.g. to adapt a default. */
export function inputFromResource(resource: Resource): ResourceInput {
  return {
    title: resource.title,
    description: resource.description,
    category: resource.category,
    contacts: resource.contacts.map((contact) => ({ ...contact })),
    ...(resource.availability ? { availability: { ...resource.availability } } : {}),
    countries: [...resource.countries],
    languages: [...resource.languages],
    tags: [...resource.tags],
    ...(resource.body ? { body: resource.body } : {}),
    ...(resource.source ? { source: resource.source } : {}),
  };
}
