/**
 * Every message the server sends in a `{ code, message }` error, in one place, so wording is
 * reviewed together and a second locale is one more object of the same shape. The bot's chat
 * texts live in bot/bot-messages.ts; these are the HTTP answers the tab shows.
 */
export const SERVER_MESSAGES_EN = {
  // Sign-in and access.
  signInUnverified: "Your sign-in could not be verified. Close and reopen the app to sign in again.",
  signInNeeded: "Please sign in.",
  signInToUse: "Please sign in to use Peer Circles.",
  noAccess: "You do not have access to this part of Peer Circles.",
  rateLimited: "You are doing that a lot. Please wait a moment and try again.",
  devIdentityNeeded: "Choose one of the sample users from /api/dev/identities.",

  // Requests the server cannot read or route.
  invalidField: 'The field "{field}" is not valid: {reason}.',
  unreadableBody: "The request could not be read. Check that it is valid JSON.",
  payloadTooLarge: "That is more than the app accepts in one go.",
  nothingHere: "There is nothing at this address.",
  internal: "Something went wrong on our side. Please try again.",
  tabNotBuilt: "The tab has not been built yet.",
  preferencesChanged: "Your preferences changed in another window. Reload and try again.",

  // Storage.
  storeConflict: "Someone else changed this at the same time. Reload and try again.",
  storeAlreadyExists: "That already exists.",
  storeUnavailable: "Storage is not reachable right now. Please try again shortly.",
  storeTimeout: "Storage is taking too long to answer right now. Please try again shortly.",
  /** The readiness probe's short answer (GET /readyz). */
  storeNotReachable: "Storage is not reachable.",

  // The bot endpoint and the addresses it sends to.
  botEndpointClosed: "This bot endpoint is closed until bot credentials (BOT_ID, BOT_PASSWORD) are configured.",
  botEndpointLocalOnly: "This bot endpoint accepts local traffic only until bot credentials are configured.",
  devIdentityLocalOnly: "Sample sign-in answers only pages opened at localhost or an IP address.",
  botActivityMalformed: "This is not a Bot Framework activity: it needs a type, a sender and a conversation.",
  botTenantNotAllowed: "Peer Circles is not available to your organisation.",
  botServiceUrlNotAllowed: "This activity names a service address Peer Circles does not reply to.",
  conversationAddressNotAllowed: "This conversation's service address is not one Peer Circles sends to.",
  conversationAddressUnreadable: "This conversation's saved address could not be read.",

  // Insights.
  insightsFromAfterTo: 'The field "from" is not valid: it must not come after "to".',
  insightsRangeTooLong: 'The field "from" is not valid: a range covers at most {weeks} weeks.',
  insightsSettingsBusy: "Another admin is saving these settings at the same moment. Please try again.",

  // Sign-up rounds and circles.
  roundNotFound: "That sign-up round does not exist.",
  roundClosed: "This round has closed: its circles have been published.",
  roundSignUpsClosed: "Sign-ups for this round have closed. Your programme admin will share the circles soon.",
  roundUnknownWindow: "One of the chosen times is not offered in this round.",
  roundNoSignUps: "Nobody has signed up yet, so there are no circles to propose.",
  circleNotFoundOrNotMember: "That circle does not exist, or you are not in it.",
  circleNotFound: "That circle does not exist.",
  circleNotInTeam: "Only members of this team or chat can see its circles or ask to join them.",
  circleFacilitatorAdminOnly: "Only a programme admin can choose someone else to facilitate.",
  circleJoinRequestGone: "That request to join is no longer open.",
  calendarLinkInvalid: "This calendar link has expired or is no longer valid. Open Peer Circles to get a new one.",

  // Buddies.
  buddyAlreadyPaired: "You already have a buddy. End that pairing first if you would like someone else.",
  buddyMatching: "Buddies are being matched right now. Try again in a minute.",
  buddyAnswersChanged: "Your answers changed in another window. Reload and try again.",
  buddyPairingNotFound: "That buddy pairing does not exist, or you are not in it.",
  buddyNoOffer: "You have not offered to be a buddy.",
  buddyNoRequest: "You have not asked for a buddy.",

  // Help requests and the relay.
  requestNotFound: "There is no such request.",
  requestAlreadyClaimed: "Already claimed by a colleague.",
  requestIllegalTransition: "That change is not possible for this request now.",
  requestNotSupporter: "Only peer supporters can do that.",
  requestOwnRequest: "You cannot take your own request.",
  requestNotClaimer: "Only the supporter who took this request can change it.",
  requestNotRequester: "Only the person who asked can withdraw this request.",
  requestListPageGone: "That page of the list cannot be found any more. Please load the list again.",
  relayEmpty: "Please write a message of up to 2,000 characters.",
  relayNotClaimedYet: "No supporter has taken this request yet.",
  relayClosed: "This conversation has ended.",
  relayUnreachable: "The message could not be delivered just now. Please try again.",

  // Huddles.
  huddleNotFacilitator: "Only the facilitator can control the huddle.",
  huddleNotOrganizer: "Only the meeting organiser can take over.",
  huddleNotFound: "There is no huddle in this meeting yet.",
  huddleUnknownTemplate: "That template does not exist.",
  huddleInvalidLevel: "Choose a level from 1 to 5.",
  huddleAlreadyRunning: "A huddle is already running in this meeting.",
  huddleChanged: "The huddle changed a moment ago. The latest state is shown.",
  huddleAlreadyAnswered: "You have already answered this pulse.",
  huddleNoPulse: "There is no pulse check open right now.",
  huddleNotParticipant: "Hand over only to someone who has joined this huddle.",
  /** One answer for every step the clock refuses at this point (no next step, no round, …). */
  huddleNotPossibleNow: "That is not possible at this point of the huddle.",
  huddleMeetingParticipantsOnly: "Only the people in this meeting can join its huddle.",
  huddleFacilitatorsOnly: "Only facilitators can start a huddle.",
  huddleChatUnavailable: "The meeting chat cannot be reached from here, so the summary was not posted.",
  huddlePresenceFacilitatorOnly: "Only the huddle's facilitator can see who is here.",
  huddleTooManyWindows: "This huddle is already open in several windows. Close one and try again.",

  // Huddle templates.
  templateNotFound: "That template does not exist any more.",
  templateBuiltIn: "Built-in templates cannot be changed. Make a copy to adapt it.",
  templateChanged: "Someone else changed this template a moment ago. Reload it to see their version.",
  templateLimit: "This organisation has reached the limit of 100 custom templates. Remove one first.",

  // Resources.
  resourceNotFound: "That resource does not exist any more.",
  resourceChanged: "Someone else changed this resource a moment ago. Reload it to see their version.",
  resourceLimit: "This organisation has reached the limit of 200 resources of its own. Remove one first.",
} as const satisfies Record<string, string>;

export type ServerMessageKey = keyof typeof SERVER_MESSAGES_EN;
export type ServerMessages = Readonly<Record<ServerMessageKey, string>>;

/** The catalogues by primary language subtag. Only English today; a new one must have every key. */
export const SERVER_CATALOGUES: Readonly<Record<string, ServerMessages>> = { en: SERVER_MESSAGES_EN };

/** The text for a key, with `{name}` slots filled; English when the locale has no catalogue. */
export function serverMessage(key: ServerMessageKey, values: Readonly<Record<string, string>> = {}, locale = "en"): string {
  // Own keys only: a locale such as "constructor" must not reach Object.prototype.
  const template = (Object.hasOwn(SERVER_CATALOGUES, locale) ? SERVER_CATALOGUES[locale]! : SERVER_MESSAGES_EN)[key];
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
