import type { CrisisLine, HelpRequest } from "../../../../shared/index.js";
import type { BuddyPairingDocument } from "../../buddies/buddy-documents.js";
import { buddyPairedCard } from "../../buddies/buddy-card.js";
import { circlePublishedCard } from "../../circles/circle-card.js";
import type { CircleDocument } from "../../circles/circle-service.js";
import type { BotMessages } from "../bot-messages.js";
import type { AdaptiveCard } from "./adaptive-card.js";
import { emergencyCard } from "./emergency-card.js";
import { helpCard } from "./help-card.js";
import { infoCard } from "./info-card.js";
import { privateChatPointerCard } from "./private-chat-card.js";
import { privateEmergencyCard } from "./private-emergency-card.js";
import { relayedMessageCard, textWithComposerCard } from "./relay-cards.js";
import { myRequestsCard, requestConfirmationCard, requestDetailsCard, requestFormCard } from "./request-cards.js";
import { claimedRequestCard, newRequestCard, noticeCard, overdueRequestCard, queueCard } from "./supporter-cards.js";

/**
 * Test-only: every card builder the bot has, each called with the inputs that reach its branches.
 * `text` is what a person or an admin could type (a name, a message, a topic, a crisis line), so
 * the validity test can fill it with long and hostile words. every-card-is-valid.spec.ts fails when
 * a cards module exports a builder that is missing here.
 */
export type CardSamples = (messages: BotMessages, text: string) => AdaptiveCard[];

const NOW = new Date("2025-03-03T09:00:00Z");
const CODE = "PC-7KQ4X2";
const APP = "https://peer.example.com";
const LINKS = { calendarUrl: `${APP}/api/calendar-links/signed-token`, appUrl: `${APP}/personal/home` };
const STATUSES = ["open", "claimed", "in_conversation", "referred", "resolved", "withdrawn"] as const;

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

const crisisLine = (text: string): CrisisLine => ({
  name: text,
  countries: ["GB"],
  phone: text,
  url: "https://www.samaritans.org",
  email: "jo@samaritans.org",
  availability: text,
  source: "admin",
  checkAndAdapt: false,
});

const circle = (text: string, joinUrl: string): CircleDocument => ({
  kind: "circle",
  id: "circle-1",
  name: text,
  topic: text,
  joinUrl,
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
    { userId: "member-2", displayName: text },
    { userId: "member-3", displayName: "" },
  ],
  formedWith: [],
  facilitatorHistory: [],
  createdAt: "2025-03-01T00:00:00Z",
});

const pairing = (text: string): BuddyPairingDocument => ({
  kind: "buddyPairing",
  id: "buddy-pairing-00000000-0000-4000-8000-000000000000",
  newcomer: { userId: "newcomer", displayName: text, timeZone: "Europe/Berlin" },
  buddy: { userId: "buddy", displayName: text, timeZone: "America/New_York" },
  checkIn: { start: "2025-03-05T14:00:00Z", end: "2025-03-05T14:15:00Z" },
  status: "active",
  createdAt: "2025-03-01T00:00:00Z",
});

/** Builder name (as exported) → its sample cards. */
export const CARD_SAMPLES = {
  helpCard: (m) => [helpCard(m), helpCard(m, `${APP}/personal/resources`)],
  infoCard: (m) => [
    infoCard({ title: m.helpWhoSeesWhat, points: [] }),
    infoCard({
      title: m.helpWhoSeesWhat,
      intro: m.helpIntro,
      points: [m.helpPrivacyRequester, m.helpPrivacyAdmins],
      link: { title: m.helpOpenResources, url: `${APP}/personal/resources` },
    }),
    infoCard({ title: m.helpWhoSeesWhat, points: [m.helpPrivacyRequester], link: { title: m.helpOpenResources, url: undefined } }),
  ],
  emergencyCard: (m, text) => [emergencyCard(m, "en-GB"), emergencyCard(m, "de-DE"), emergencyCard(m, undefined, [crisisLine(text)])],
  privateEmergencyCard: (m, text) => [privateEmergencyCard(m, "en-US"), privateEmergencyCard(m, "en-GB", [crisisLine(text)])],
  relayedMessageCard: (m, text) => [relayedMessageCard(m, CODE, text, text, m.relaySendToRequester)],
  textWithComposerCard: (m, text) => [
    textWithComposerCard(m, CODE, m.relaySent, m.relaySendToSupporter),
    textWithComposerCard(m, CODE, m.crisisAlreadyAlerted, m.relaySendToSupporter, { code: text }),
  ],
  requestFormCard: (m, text) => [
    requestFormCard(m),
    requestFormCard(m, {}, { kind: "store_down", locale: "en-GB" }),
    requestFormCard(m, {}, { kind: "store_down", locale: "de-DE", uncertain: true }),
    requestFormCard(m, { text, category: "conflict", shareName: "true", submissionId: "s-1" }, { kind: "invalid" }),
    requestFormCard(m, { text, preference: "specific", preferredSupporterId: "supporter-1" }, { kind: "crisis" }, [
      { userId: "supporter-1", displayName: text },
      { userId: "supporter-2", displayName: "Sam Supporter" },
    ]),
  ],
  requestConfirmationCard: (m) => [
    requestConfirmationCard(m, helpRequest()),
    requestConfirmationCard(m, helpRequest({ crisis: true }), "everyone"),
    requestConfirmationCard(m, helpRequest({ crisis: true }), "nobody"),
  ],
  myRequestsCard: (m) => [
    myRequestsCard(m, [], "en-GB", undefined),
    myRequestsCard(
      m,
      STATUSES.map((status) => helpRequest({ status })),
      "de-DE",
      "Europe/Berlin",
    ),
    myRequestsCard(m, [helpRequest()], "not a locale", "Not/AZone"),
  ],
  requestDetailsCard: (m) => [
    requestDetailsCard(m, helpRequest(), [], "en-GB", undefined),
    requestDetailsCard(
      m,
      helpRequest({ status: "resolved" }),
      [
        { action: "created", at: "2025-03-03T08:00:00Z" },
        { action: "claimed", at: "2025-03-03T08:10:00Z" },
        { action: "no_such_action", at: "2025-03-03T08:20:00Z" },
      ],
      "en-US",
      "America/New_York",
    ),
  ],
  newRequestCard: (m) => [
    newRequestCard(m, helpRequest(), NOW, "en"),
    newRequestCard(m, { ...helpRequest({ crisis: true, urgency: "crisis" }), askedFor: "you" }, NOW, "de", ["s-1", "s-2"]),
    newRequestCard(m, { ...helpRequest({ status: "claimed" }), askedFor: "someone" }, NOW, undefined),
    newRequestCard(
      m,
      helpRequest(),
      NOW,
      "en",
      Array.from({ length: 61 }, (_, index) => `s-${index}`),
    ),
  ],
  claimedRequestCard: (m, text) =>
    STATUSES.map((status, index) => {
      const contact = (["chat", "call", "meet"] as const)[index % 3]!;
      const request: Parameters<typeof claimedRequestCard>[1] = {
        ...helpRequest({ status, contact, anonymous: index % 2 === 0 }),
        requesterName: text,
        text,
      };
      // Without a name and without words: the branches a requester who shared neither reaches.
      if (index === 1) delete request.requesterName;
      if (index === 2) delete request.text;
      return claimedRequestCard(m, request);
    }),
  overdueRequestCard: (m) => [overdueRequestCard(m, helpRequest(), NOW), overdueRequestCard(m, helpRequest({ crisis: true }), NOW)],
  privateChatPointerCard: (m) => [privateChatPointerCard(m, "28:bot-app-id"), privateChatPointerCard(m, "bot app id/with?odd&chars")],
  noticeCard: (m, text) => [noticeCard(m.requestNotFound), noticeCard(text)],
  queueCard: (m) => [
    queueCard(m, [], NOW, "en"),
    queueCard(m, [helpRequest({ crisis: true }), helpRequest({ urgency: "can_wait" })], NOW, "de"),
  ],
  circlePublishedCard: (m, text) => [
    circlePublishedCard(
      m,
      circle(text, "https://teams.microsoft.com/l/meetup-join/abc"),
      { userId: "reader", locale: "en-GB" },
      LINKS,
      NOW,
    ),
    circlePublishedCard(m, circle(text, "http://not-https.example"), { userId: "reader" }, {}, NOW),
  ],
  buddyPairedCard: (m, text) => [
    buddyPairedCard(m, pairing(text), { userId: "newcomer", locale: "en-GB" }, LINKS),
    buddyPairedCard(m, pairing(""), { userId: "buddy", locale: "xx-invalid-locale-" }, {}),
  ],
} satisfies Record<string, CardSamples>;
