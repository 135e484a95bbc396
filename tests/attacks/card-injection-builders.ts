import { pino } from "pino";
import { circleEditSchema, DEFAULT_CRISIS_LINES, type CrisisLine, type HelpRequest } from "../../shared/index.js";
import { resourceContactSchema } from "../../shared/resources/resource-schema.js";
import { BOT_CATALOGUES, botMessages, format, type BotMessages } from "../../bot/src/bot/bot-messages.js";
import { emergencyCard } from "../../bot/src/bot/cards/emergency-card.js";
import type { AdaptiveCard } from "../../bot/src/bot/cards/adaptive-card.js";
import { helpCard } from "../../bot/src/bot/cards/help-card.js";
import { infoCard } from "../../bot/src/bot/cards/info-card.js";
import { relayedMessageCard, textWithComposerCard } from "../../bot/src/bot/cards/relay-cards.js";
import { myRequestsCard, requestConfirmationCard, requestDetailsCard, requestFormCard } from "../../bot/src/bot/cards/request-cards.js";
import { claimedRequestCard, newRequestCard, noticeCard, queueCard } from "../../bot/src/bot/cards/supporter-cards.js";
import { announceChange, type RoutingDependencies } from "../../bot/src/bot/supporter-routing.js";
import { buddyPairedCard } from "../../bot/src/buddies/buddy-card.js";
import type { BuddyPairingDocument } from "../../bot/src/buddies/buddy-documents.js";
import { circlePublishedCard } from "../../bot/src/circles/circle-card.js";
import type { CircleDocument } from "../../bot/src/circles/circle-service.js";

/**
 * Every card the bot sends, each with the fields a person (or an admin) can put words into. A
 * field's harmless value is what the card is compared against; link fields are the admin's
 * addresses, which may become links only when the shared schema accepts them.
 */
export interface CardScenario {
  builder: string;
  /** Field name → harmless value. */
  fields: Record<string, string>;
  /** Fields whose value may become a link, and the check an admin's value has already passed. */
  linkFields?: Record<string, (value: string) => boolean>;
  /** The app's own addresses, from its configuration. */
  configuredUrls: readonly string[];
  build(values: Record<string, string>): AdaptiveCard | Promise<AdaptiveCard>;
}

const messages = botMessages("en");
const NOW = new Date("2025-03-03T09:00:00Z");
const CODE = "PC-7KQ4X2";
const APP = "https://peer.example.com";
const LINKS = { calendarUrl: `${APP}/api/calendar-links/signed-token`, appUrl: `${APP}/personal/home` };
const RESOURCES_URL = `${APP}/personal/resources`;
/** The shipped crisis lines' sites and emails: the app's own data, the block's only links before an admin adds any. */
const SHIPPED_LINE_LINKS = DEFAULT_CRISIS_LINES.flatMap((line) => [line.url, line.email && `mailto:${line.email}`]).filter(
  (link): link is string => Boolean(link),
);

function helpRequest(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    kind: "helpRequest",
    referenceCode: CODE,
    requesterId: "requester-1",
    category: "workload",
    urgency: "today",
    preference: "any",
    contact: "chat",
    anonymous: true,
    crisis: false,
    riskReasons: [],
    status: "open",
    createdAt: "2025-03-03T08:00:00Z",
    updatedAt: "2025-03-03T08:00:00Z",
    ...overrides,
  };
}

function circle(values: Record<string, string>): CircleDocument {
  return {
    kind: "circle",
    id: "circle-1",
    name: values.name!,
    topic: values.topic!,
    joinUrl: values.joinUrl!,
    recurrence: {
      cadence: "weekly",
      weekday: "TU",
      localTime: "12:30",
      durationMinutes: 45,
      timeZone: "Europe/London",
      startDate: "2025-03-04",
    },
    members: [
      { userId: "reader", displayName: "Reader Person" },
      { userId: "member-2", displayName: values.memberName! },
    ],
    formedWith: [],
    facilitatorHistory: [],
    createdAt: "2025-03-01T00:00:00Z",
  };
}

function pairing(newcomerName: string, buddyName: string): BuddyPairingDocument {
  return {
    kind: "buddyPairing",
    id: "buddy-pairing-00000000-0000-4000-8000-000000000000",
    newcomer: { userId: "newcomer", displayName: newcomerName, timeZone: "Europe/Berlin" },
    buddy: { userId: "buddy", displayName: buddyName, timeZone: "America/New_York" },
    checkIn: { start: "2025-03-05T14:00:00Z", end: "2025-03-05T14:15:00Z" },
    status: "active",
    createdAt: "2025-03-01T00:00:00Z",
  };
}

function crisisLine(values: Record<string, string>): CrisisLine {
  return {
    name: values.lineName!,
    countries: ["GB"],
    phone: values.phone!,
    url: values.url!,
    email: values.email!,
    availability: values.availability!,
    source: "admin",
    checkAndAdapt: false,
  };
}

/** The requester's card after a supporter claims it goes out through the messenger: caught here. */
async function requesterToldOfClaim(claimerName: string): Promise<AdaptiveCard> {
  const sent: AdaptiveCard[] = [];
  const deps = {
    messenger: { sendCard: async (_to: unknown, card: AdaptiveCard) => void sent.push(card), sendText: async () => undefined },
    logger: pino({ level: "silent" }),
    now: () => NOW,
  } as unknown as RoutingDependencies;
  const request = { ...helpRequest({ status: "claimed", anonymous: false }), conversationReference: { user: { id: "requester-1" } } };
  await announceChange({ tenantId: "tenant", userId: "supporter-1", displayName: claimerName }, request, "claim", deps);
  if (sent.length !== 1) throw new Error(`expected one card to the requester, got ${sent.length}`);
  return sent[0]!;
}

const isAdminJoinUrl = (value: string) => circleEditSchema.shape.joinUrl.safeParse(value).success && value !== "";
const isAdminResourceUrl = (value: string) => resourceContactSchema.safeParse({ kind: "url", value }).success;
const isAdminResourceEmail = (value: string) => resourceContactSchema.safeParse({ kind: "email", value }).success;

export const SCENARIOS_WITH_USER_TEXT: readonly CardScenario[] = [
  {
    builder: "relayedMessageCard",
    fields: { from: "Alex Morgan", text: "Thanks for listening yesterday" },
    configuredUrls: [],
    build: (v) => relayedMessageCard(messages, CODE, v.from!, v.text!, messages.relaySendToRequester),
  },
  {
    builder: "claimedRequestCard",
    fields: { requesterName: "Alex Morgan", text: "Too many late nights" },
    configuredUrls: [],
    build: (v) =>
      claimedRequestCard(messages, {
        ...helpRequest({ status: "claimed", anonymous: false }),
        requesterName: v.requesterName!,
        text: v.text!,
      }),
  },
  {
    builder: "announceChange → requester's claim card",
    fields: { claimerName: "Sam Supporter" },
    configuredUrls: [],
    build: (v) => requesterToldOfClaim(v.claimerName!),
  },
  {
    builder: "circlePublishedCard",
    fields: {
      name: "Tuesday lunch circle",
      topic: "New parents",
      memberName: "Alex Morgan",
      joinUrl: "https://teams.microsoft.com/l/meetup-join/abc",
    },
    linkFields: { joinUrl: isAdminJoinUrl },
    configuredUrls: [LINKS.calendarUrl, LINKS.appUrl],
    build: (v) => circlePublishedCard(messages, circle(v), { userId: "reader", locale: "en-GB" }, LINKS, NOW),
  },
  {
    builder: "buddyPairedCard (newcomer reads)",
    fields: { buddyName: "Sam Supporter" },
    configuredUrls: [LINKS.calendarUrl, LINKS.appUrl],
    build: (v) => buddyPairedCard(messages, pairing("Nia Newcomer", v.buddyName!), { userId: "newcomer", locale: "en-GB" }, LINKS),
  },
  {
    builder: "buddyPairedCard (buddy reads)",
    fields: { newcomerName: "Nia Newcomer" },
    configuredUrls: [LINKS.calendarUrl, LINKS.appUrl],
    build: (v) => buddyPairedCard(messages, pairing(v.newcomerName!, "Sam Supporter"), { userId: "buddy", locale: "en-US" }, LINKS),
  },
  {
    builder: "emergencyCard (tenant's crisis lines)",
    fields: {
      lineName: "Samaritans",
      phone: "116 123",
      availability: "24/7",
      url: "https://www.samaritans.org",
      email: "jo@samaritans.org",
    },
    linkFields: { url: isAdminResourceUrl, email: isAdminResourceEmail },
    configuredUrls: [],
    build: (v) => emergencyCard(messages, "en-GB", [crisisLine(v)]),
  },
  {
    builder: "requestFormCard (supporters offered by name)",
    fields: { supporterName: "Sam Supporter" },
    configuredUrls: [],
    build: (v) => requestFormCard(messages, {}, undefined, [{ userId: "supporter-1", displayName: v.supporterName! }]),
  },
];

interface CatalogueCard {
  builder: string;
  configuredUrls: readonly string[];
  card: () => AdaptiveCard;
}

/** Cards with no words from anyone but the bot's own catalogue, built from the given one. */
function cardsWithoutUserText(messages: BotMessages): CatalogueCard[] {
  return [
    { builder: "helpCard", configuredUrls: [RESOURCES_URL], card: () => helpCard(messages, RESOURCES_URL) },
    { builder: "emergencyCard (shipped lines)", configuredUrls: SHIPPED_LINE_LINKS, card: () => emergencyCard(messages, "en-GB") },
    {
      builder: "requestFormCard (store down)",
      configuredUrls: SHIPPED_LINE_LINKS,
      card: () => requestFormCard(messages, {}, { kind: "store_down", locale: "en-GB" }),
    },
    { builder: "requestFormCard (invalid)", configuredUrls: [], card: () => requestFormCard(messages, {}, { kind: "invalid" }) },
    { builder: "requestFormCard (crisis)", configuredUrls: [], card: () => requestFormCard(messages, {}, { kind: "crisis" }) },
    {
      builder: "requestConfirmationCard",
      configuredUrls: [],
      card: () => requestConfirmationCard(messages, helpRequest({ crisis: true }), "everyone"),
    },
    { builder: "myRequestsCard", configuredUrls: [], card: () => myRequestsCard(messages, [helpRequest()], "en-GB", "Europe/London") },
    {
      builder: "requestDetailsCard",
      configuredUrls: [],
      card: () => requestDetailsCard(messages, helpRequest(), [{ action: "created", at: "2025-03-03T08:00:00Z" }], "en-GB", undefined),
    },
    {
      builder: "newRequestCard",
      configuredUrls: [],
      card: () => newRequestCard(messages, { ...helpRequest({ preferredSupporterId: "s" }), askedFor: "you" as const }, NOW, "en", ["s"]),
    },
    { builder: "queueCard", configuredUrls: [], card: () => queueCard(messages, [helpRequest({ crisis: true })], NOW, "en") },
    { builder: "noticeCard", configuredUrls: [], card: () => noticeCard(messages.requestNotFound) },
    {
      builder: "infoCard",
      configuredUrls: [RESOURCES_URL],
      card: () =>
        infoCard({
          title: messages.helpWhoSeesWhat,
          intro: messages.helpIntro,
          points: [messages.helpPrivacyRequester, messages.helpPrivacyAdmins],
          link: { title: messages.helpOpenResources, url: RESOURCES_URL },
        }),
    },
    {
      builder: "textWithComposerCard",
      configuredUrls: [],
      card: () =>
        textWithComposerCard(messages, CODE, format(messages.crisisAlreadyAlerted, { code: CODE }), messages.relaySendToSupporter),
    },
  ];
}

/** ...in every language the bot speaks: checked against the schema and for links. */
export const CARDS_WITHOUT_USER_TEXT: readonly CatalogueCard[] = Object.entries(BOT_CATALOGUES).flatMap(([language, messages]) =>
  cardsWithoutUserText(messages).map((entry) => ({ ...entry, builder: `${entry.builder} [${language}]` })),
);
