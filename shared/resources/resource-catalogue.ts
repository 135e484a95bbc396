/**
 * The support-resource catalogue: what a resource is, and the default catalogue every tenant starts
 * with. The defaults are data, not configuration: each one is marked for the programme to check and
 * adapt, and crisis lines name where their details came from so an admin can verify them.
 * No zod here: the tab's first chunk imports this file through the always-present emergency block.
 */

export const RESOURCE_CATEGORIES = ["eap", "crisis_line", "guide", "training", "coping_technique", "policy"] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

export const RESOURCE_CONTACT_KINDS = ["phone", "url", "teamsChat", "email"] as const;
export type ResourceContactKind = (typeof RESOURCE_CONTACT_KINDS)[number];

/** How to reach a resource. A Teams chat is addressed to a person's sign-in address (their UPN). */
export interface ResourceContact {
  readonly kind: ResourceContactKind;
  readonly value: string;
}

/** When someone answers: around the clock, set hours in a time zone, or a short note. */
export type ResourceAvailability =
  | { readonly kind: "always" }
  | {
      readonly kind: "hours";
      readonly days: "weekdays" | "every_day";
      readonly from: string;
      readonly to: string;
      readonly timeZone: string;
    }
  | { readonly kind: "note"; readonly note: string };

export interface Resource {
  /** "default-…" for the shipped entries, "resource-<uuid>" for the ones a tenant adds. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: ResourceCategory;
  readonly contacts: readonly ResourceContact[];
  readonly availability?: ResourceAvailability | undefined;
  /** ISO 3166-1 alpha-2 codes; empty means anywhere. */
  readonly countries: readonly string[];
  /** BCP 47 language codes such as "en" or "de". */
  readonly languages: readonly string[];
  readonly tags: readonly string[];
  /** The text of a guide or technique, in short paragraphs separated by blank lines. */
  readonly body?: string | undefined;
  /** Where the details were checked, for the admin who adapts them. */
  readonly source?: string | undefined;
  /** True until an admin has looked at the entry and saved it for their organisation. */
  readonly checkAndAdapt: boolean;
}

export const DEFAULT_ID_PREFIX = "default-";

/** A short, language-neutral summary for cards that cannot format hours themselves (the bot's). */
export function availabilitySummary(availability: ResourceAvailability | undefined): string {
  if (!availability) return "";
  if (availability.kind === "always") return "24/7";
  if (availability.kind === "note") return availability.note;
  const days = availability.days === "weekdays" ? "Mon–Fri" : "Mon–Sun";
  return `${days} ${availability.from}–${availability.to} (${availability.timeZone})`;
}

const crisisLines: readonly Resource[] = [
  {
    id: "default-988-lifeline",
    title: "988 Suicide & Crisis Lifeline",
    description: "Call or text 988, or chat online, for free and confidential support in the United States, any time.",
    category: "crisis_line",
    contacts: [
      { kind: "phone", value: "988" },
      { kind: "url", value: "https://988lifeline.org" },
    ],
    availability: { kind: "always" },
    countries: ["US"],
    languages: ["en", "es"],
    tags: ["suicide", "crisis", "emergency", "text"],
    source: "988lifeline.org",
    checkAndAdapt: true,
  },
  {
    id: "default-samaritans",
    title: "Samaritans",
    description: "Free, confidential listening for anyone who is struggling, in the UK and Ireland, day or night.",
    category: "crisis_line",
    contacts: [
      { kind: "phone", value: "116 123" },
      { kind: "url", value: "https://www.samaritans.org" },
    ],
    availability: { kind: "always" },
    countries: ["GB", "IE"],
    languages: ["en"],
    tags: ["suicide", "crisis", "emergency", "listening"],
    source: "samaritans.org",
    checkAndAdapt: true,
  },
  {
    id: "default-telefonseelsorge",
    title: "TelefonSeelsorge",
    description: "Free, anonymous listening by phone, chat and email in Germany, around the clock.",
    category: "crisis_line",
    contacts: [
      { kind: "phone", value: "0800 111 0 111" },
      { kind: "phone", value: "0800 111 0 222" },
      { kind: "url", value: "https://www.telefonseelsorge.de" },
    ],
    availability: { kind: "always" },
    countries: ["DE"],
    languages: ["de"],
    tags: ["suicide", "crisis", "emergency", "listening"],
    source: "telefonseelsorge.de",
    checkAndAdapt: true,
  },
  {
    id: "default-find-a-helpline",
    title: "Find a Helpline (international directory)",
    description: "A directory of free, confidential crisis lines in many countries, searchable by country and topic.",
    category: "crisis_line",
    contacts: [{ kind: "url", value: "https://findahelpline.com" }],
    availability: { kind: "note", note: "Directory of free, confidential lines worldwide" },
    countries: [],
    languages: ["en"],
    tags: ["international", "directory", "crisis", "emergency"],
    source: "findahelpline.com",
    checkAndAdapt: true,
  },
];

// Written for Peer Circles: short and practical, for peer supporters and anyone having a hard day.
const guides: readonly Resource[] = [
  {
    id: "default-active-listening",
    title: "Active listening",
    description: "How to listen so a colleague feels heard, without rushing to fix things.",
    category: "guide",
    contacts: [],
    countries: [],
    languages: ["en"],
    tags: ["listening", "peer support", "conversation"],
    body: [
      "Give the person your full attention. Close the laptop, silence notifications and let them finish; a pause is fine.",
      'Say back what you heard in your own words: "It sounds like the last month has been relentless." It shows you understood, and lets them correct you.',
      'Ask open questions such as "What has been the hardest part?" rather than "Are you OK?".',
      'Hold back from fixing, comparing or judging. If you are not sure what they need, ask: "Would ideas help, or do you mostly want to be heard?"',
      "At the end, thank them for telling you and ask what would help next.",
    ].join("\n\n"),
    checkAndAdapt: true,
  },
  {
    id: "default-boundaries",
    title: "Boundaries for peer supporters",
    description: "What a peer supporter does and does not do, and how to say so kindly.",
    category: "guide",
    contacts: [],
    countries: [],
    languages: ["en"],
    tags: ["boundaries", "peer support", "self-care"],
    body: [
      "You are a colleague, not a counsellor. You listen, share what has helped others and help people find professional support.",
      "You do not diagnose, give clinical or legal advice, or promise to keep a secret when someone is at risk.",
      'Say early what you can offer: "I am here to listen, and if it sounds like you need more, I will help you find it."',
      'It is fine to say "I cannot take this on right now, but let us find someone who can."',
      "After a heavy conversation, look after yourself too: talk it over with the programme team or your EAP.",
    ].join("\n\n"),
    checkAndAdapt: true,
  },
  {
    id: "default-when-to-refer",
    title: "When to refer",
    description: "The signs that someone needs more than peer support, and how to help them get it.",
    category: "guide",
    contacts: [],
    countries: [],
    languages: ["en"],
    tags: ["referral", "risk", "peer support", "professional help"],
    body: [
      "Straight away: if someone talks about ending their life, harming themselves or someone else, or is in danger now. Stay with them and use the crisis lines or the local emergency number together.",
      "Soon: if things have been hard for more than two weeks, are getting worse, affect sleep, eating or work, involve alcohol or drugs, or you feel out of your depth. Suggest the EAP, their doctor or a clinician.",
      "To HR or a manager: harassment, safety concerns and other problems at work that need someone to act.",
      "Explain why you are suggesting it, ask if that is OK, and offer to help with the first call or message.",
    ].join("\n\n"),
    checkAndAdapt: true,
  },
  {
    id: "default-box-breathing",
    title: "Box breathing",
    description: "A one-minute breathing exercise to steady yourself before or after something difficult.",
    category: "coping_technique",
    contacts: [],
    countries: [],
    languages: ["en"],
    tags: ["breathing", "calm", "stress", "anxiety"],
    body: [
      "Sit or stand comfortably. Eyes open or closed, whichever feels better.",
      "Breathe in through your nose for a count of four. Hold gently for four. Breathe out slowly for four. Hold for four.",
      "Repeat four times, or for about a minute.",
      "If holding your breath feels uncomfortable, leave the holds out and just make each breath out a little slower. Stop if you feel dizzy.",
    ].join("\n\n"),
    checkAndAdapt: true,
  },
  {
    id: "default-five-minute-reset",
    title: "5-minute reset",
    description: "A short routine for between meetings or after a hard moment.",
    category: "coping_technique",
    contacts: [],
    countries: [],
    languages: ["en"],
    tags: ["reset", "break", "stress", "calm"],
    body: [
      "Minute 1: stand up, roll your shoulders and unclench your jaw.",
      "Minute 2: drink some water and look at something far away.",
      "Minute 3: take a few slow breaths, making each breath out longer than the breath in.",
      "Minute 4: name one thing that went all right today, however small.",
      "Minute 5: choose the one next thing you will do, and let the rest wait.",
    ].join("\n\n"),
    checkAndAdapt: true,
  },
];

/** What every tenant sees until its admins change it; crisis lines first. */
export const DEFAULT_RESOURCES: readonly Resource[] = [...crisisLines, ...guides];

export function isDefaultResourceId(id: string): boolean {
  return DEFAULT_RESOURCES.some((resource) => resource.id === id);
}
