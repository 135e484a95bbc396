import { BOT_MESSAGES_DE } from "./bot-messages.de.js";

/**
 * Every user-facing string the bot and its cards say, in one catalogue per language. Keys are
 * stable; English is the default, and bot-messages.de.ts has the German.
 */
export const BOT_MESSAGES_EN = {
  helpTitle: "Peer Circles",
  huddleChatTitle: "Huddle summary: {name}",
  huddleChatTotal: "{steps} steps in {time}.",
  huddleChatStep: "- {title}: {time}",
  huddleChatPulse: "Pulse, {title} (anonymous, {count} answers): {spread}",
  huddleChatPulseWithheld: "Pulse, {title}: fewer than 3 answered, so nothing is shown.",
  huddleChatClose: "Nothing anyone said was stored. To talk to a peer supporter privately, message Peer Circles in a personal chat.",
  circleCalendarDescription:
    "Your Peer Circles peer circle. A confidential space to share what work is like and support each other; passing is always fine.",
  circleCalendarJoinPrompt: "Join in Teams:",
  circleCardTitle: "You're in a peer circle: {name}",
  circleCardCadence_weekly: "Meets every week.",
  circleCardCadence_fortnightly: "Meets every other week.",
  circleCardFirstSession: "First session: {when}",
  circleCardMembers: "With: {names}",
  circleCardSomeone: "a colleague",
  circleCardPrivacy:
    "What is said in the circle stays in the circle, and passing is always fine. You can leave at any time from the Home tab; nobody is told why.",
  circleCardAddToCalendar: "Add to calendar",
  circleCardJoin: "Join the meeting",
  circleCardOpenApp: "Open Peer Circles",
  helpIntro:
    "I connect you with trained peer supporters at work: colleagues who listen, share what helps and know when to point to professional help.",
  helpWhatICanDo: "What I can do",
  helpCommandHelp: "What Peer Circles does, who sees what, and how to reach it privately.",
  helpCommandTalk: "Ask for a private conversation with a peer supporter.",
  helpCommandRequests: "See your requests and their status.",
  helpCommandResources: "Support resources, including crisis lines.",
  helpCommandPrivacy: "What Peer Circles stores about you, and where to see, download or erase it.",
  privacyTitle: "What Peer Circles stores about you",
  privacyIntro:
    "Only what it needs to connect you with support. You can see all of it, download it or erase it under Your data in the Peer Circles tab.",
  privacyRequests:
    "Your requests: what you chose to write, their category, urgency and status, and when each step happened. Closed requests are deleted automatically after a retention period (180 days unless your organisation chose another).",
  privacyChatText:
    "What you type to me is kept only when you send it as a request. Messages in group chats and channels are not kept at all.",
  privacyCircles: "Your peer circles, your sign-ups for circle rounds and your requests to join a circle.",
  privacyBuddies: "Buddy offers, requests and pairings you are part of.",
  privacySettings: "Your settings, and how I can reach you in Teams, so I can tell you when someone takes your request.",
  privacySupporters: "If you are a peer supporter: whether you are on duty, and whether colleagues can ask for you by name.",
  privacyParticipation: "Weekly participation counts for the programme's figures. Programme admins only ever see totals, never names.",
  privacyOpenMyData: "Open Your data",
  helpCommandAsk: "Ask a supporter by name (the Supporters tab says this for you).",
  helpCommandQueue: "See the open requests.",
  helpCommandOnDuty: "Start receiving new requests here.",
  helpCommandOffDuty: "Stop receiving new requests.",
  helpCommandListMe: "Let colleagues ask for you by name.",
  helpCommandUnlistMe: "Stop being offered by name.",
  helpCommandSupportersChannel: "In a team channel: post every new request's card there, without its content.",
  helpForSupporter: "For peer supporters",
  helpForAdmin: "For programme admins",
  commandForSupporter: "(Peer supporters) {description}",
  commandForAdmin: "(Programme admins) {description}",
  helpWhoSeesWhat: "Who sees what",
  helpPrivacyRequester: "What you write in a request is seen only by you and the peer supporter who takes it.",
  helpPrivacyAnonymous: "You can stay anonymous: the supporter then sees neither your name nor your profile.",
  helpPrivacyAdmins: "Programme admins see counts only, never names or what anyone wrote.",
  helpScreenLimits:
    "I check every message for words that may mean someone is in danger, and then show crisis contacts first. This check is automatic. It can be wrong both ways and it is never a diagnosis, so if you need urgent help, use the contacts yourself.",
  helpNotEmergency: "Peer Circles is not an emergency service.",
  helpEmergency: "If you or someone else is in danger right now, call your local emergency number.",
  helpOpenResources: "Open resources",
  privateChatOnly: "To keep things private, I only take requests in a one-to-one chat. Open a private chat with me and say hello there.",
  privateChatAction: "Open a private chat",
  privateCrisisFollowUp:
    "You mentioned me in a shared chat, so I am answering here, where only you can see it. The chat saw only my usual note about talking privately, and nothing you wrote there was kept. Whenever you want a peer supporter, type **talk to someone** here.",
  notUnderstood: "I did not catch that. Type **help** to see what I can do.",
  emergencyTitle: "If you are in danger or thinking about ending your life",
  emergencyIntro: "Please contact one of these now. You do not have to wait for a peer supporter.",
  emergencyLocal: "In an emergency, call your local emergency number (for example 112, 911 or 999).",
  emergencyAvailability: "Available: {availability}",
  emergencyCall: "Call {phone}",
  emergencyOpen: "Open {name}",
  formTitle: "Talk to someone",
  formIntro:
    "Tell us a little, and a trained peer supporter will reach out. They are colleagues, not therapists: they listen and help you find the right support.",
  formWhoSees:
    "Who sees what: only the peer supporter who takes your request sees what you write here. If you stay anonymous, they do not see your name either. Programme admins only ever see counts.",
  formCategory: "What is it about?",
  categoryWorkload: "Workload",
  categoryConflict: "Conflict",
  categoryWellbeing: "Wellbeing",
  categorySomethingHappened: "Something happened",
  categoryOther: "Other",
  formUrgency: "How soon?",
  urgencyCanWait: "It can wait a few days",
  urgencySoon: "Soon",
  urgencyToday: "Today",
  formPreference: "Who would you like?",
  preferenceAny: "Any peer supporter",
  preferenceSpecific: "A specific peer supporter",
  formPreferredSupporter: "Which supporter? (only if you chose a specific one)",
  formSupporterUnnamed: "A peer supporter without a display name",
  preferenceUnavailable: "That supporter cannot be chosen right now. Please pick another or any peer supporter.",
  askedForYou: "They asked for you by name.",
  askedForSomeone: "They asked for a specific colleague.",
  listedConfirmed: "Colleagues can now ask for you by name in the request form. Type **unlist me** to stop.",
  unlistedConfirmed: "You are no longer offered by name. You still get requests while on duty.",
  preferenceProfessional: "A referral to professional help",
  formContact: "How should they contact you?",
  contactChat: "Teams chat",
  contactCall: "Call",
  contactMeet: "Meet",
  formText: "A few words (optional)",
  formTextPlaceholder: "What would help you to share?",
  formShareName: "Share my name with the supporter",
  formAnonymousNote: "Leave it off to stay anonymous: the supporter then sees only a reference code, not your name.",
  formWhatNext:
    "What happens next: your request is saved, on-duty peer supporters are told its category and urgency only, and one of them takes it. I will tell you who.",
  formSubmit: "Send request",
  formInvalid: "Something in the form was not valid, so nothing was saved. Please check your answers and send again.",
  formCrisisNote: "Because of what you wrote, this request will be treated as urgent.",
  confirmTitle: "Your request is saved",
  confirmBody:
    "Reference: **{code}**. On-duty peer supporters have been told its category and urgency. I will let you know here when someone takes it.",
  confirmBodyEveryone:
    "Reference: **{code}**. No peer supporter is on duty right now, so I sent its category and urgency to every peer supporter and programme admin. No one may be free right now, so a reply may not come soon. I will let you know here when someone takes it.",
  confirmBodyNobodyTold:
    "Reference: **{code}**. Your request is saved, but no peer supporter on duty could be told about it just now. It waits in the queue supporters see when they come on duty, and I will let you know here when someone takes it.",
  confirmCrisis: "It is marked urgent. If you are in danger right now, please use the contacts above.",
  storeDownTitle: "We couldn't save this",
  storeDownBody:
    "Our storage is not reachable right now, so your request has NOT been sent. What you wrote is still in the form below: please try again in a moment.",
  storeSlowTitle: "We couldn't confirm this was saved",
  storeSlowBody:
    "Our storage answered too slowly, so we cannot tell whether your request was saved. Please type **my requests** in a moment to check before sending it again. What you wrote is still in the form below.",
  retry: "Try again",
  myRequestsTitle: "Your requests",
  myRequestsEmpty: "You have no requests. Type **talk to someone** whenever you want to.",
  myRequestsItem: "**{code}** · {category} · {status} · {date}",
  statusOpen: "Waiting for a supporter",
  statusClaimed: "A supporter has taken it",
  statusInConversation: "In conversation",
  statusReferred: "Referred to professional help",
  statusResolved: "Resolved",
  statusWithdrawn: "Withdrawn",
  identityUnknown: "I could not tell who you are in this chat, so I cannot take a request here. Please open Peer Circles from Teams.",
  supporterOnly: "That command is for peer supporters.",
  newRequestTitle: "New request for support",
  newRequestCrisisTitle: "URGENT: crisis request",
  newRequestFacts: "Reference",
  factCategory: "About",
  factUrgency: "Urgency",
  factAge: "Waiting",
  urgencyCrisis: "Crisis",
  claimAction: "Claim",
  claimedByYouTitle: "You have taken {code}",
  claimedByYouBody: "Please reach out to them now, by {contact}. Their request:",
  claimedAnonymous:
    "They asked to stay anonymous, so their name is not shown. (Relaying messages through me is not available in this version yet.)",
  claimedNamed: "Name: {name}",
  claimedText: "In their words: {text}",
  claimedNoText: "They did not write anything more.",
  alreadyClaimed: "Already claimed by a colleague. Thank you for responding.",
  requestNoLongerOpen: "This request is no longer open.",
  requestNotFound: "I could not find that request.",
  claimRefused: "You cannot claim this request.",
  requesterClaimedNamed: "Good news: {name} has taken your request {code} and will reach out to you.",
  requesterClaimedAnonymous:
    "Good news: a peer supporter has taken your request {code}. They will write to you here, and you can reply below.",
  actionStartConversation: "Mark: in conversation",
  actionRefer: "Mark: referred",
  actionResolve: "Mark: resolved",
  actionRelease: "Release to the queue",
  actionWithdraw: "Withdraw {code}",
  statusChangedForRequester: "Your request {code} is now: {status}.",
  withdrawnForSupporter: "Request {code} was withdrawn by the person who asked. Thank you.",
  withdrawnBeforeClaim: "Request {code} was withdrawn by the person who asked, before anyone took it. There is nothing to claim now.",
  releasedNotice: "You released {code} back to the queue. Other supporters can take it now.",
  withdrawnNotice: "You withdrew {code}. You can ask again whenever you want.",
  statusNowNotice: "{code} is now: {status}.",
  refusalIllegal: "That change is not possible for this request now.",
  refusalNotClaimer: "Only the supporter who took this request can change it.",
  refusalNotRequester: "Only the person who asked can withdraw this request.",
  chasedForRequester:
    "Your request {code} has not been taken yet, so we are chasing it with every peer supporter now. If you are in danger, please use the emergency contacts: type **resources**.",
  overdueTitle: "Overdue: still waiting for a supporter",
  adminsOverdue:
    "Request {code} ({urgency}) has missed its response target twice and is still unclaimed. Please find a peer supporter for it.",
  relayLabelRequester: "Requester {code}",
  relayLabelSupporter: "Your peer supporter",
  relayFrom: "{from} wrote:",
  relayInputLabel: "Your message",
  relaySendToRequester: "Send to the requester",
  relaySendToSupporter: "Reply to your supporter",
  relaySent: "Sent. Their name stays private, and so does yours if you asked for that.",
  relayNotYet: "No supporter has taken this yet, so there is nobody to pass your message to. I will tell you here the moment someone does.",
  relayClosed: "This conversation has ended, so messages are no longer passed on.",
  relayEmpty: "Please write a message first (up to 2,000 characters).",
  relayUnreachable: "I could not deliver that message just now. Please try again in a moment.",
  crisisAlerted:
    "I have alerted the peer supporters on duty right now (reference **{code}**). Your words are not shared with them. One of them will write to you here; you can also write to them below. If you are in danger, please use the contacts above now.",
  crisisAlertedEveryone:
    "No peer supporter is on duty right now. I have sent an alert (reference **{code}**) to every peer supporter and programme admin, but no one may be free right now, so a reply may not come soon. Please do not wait for us: use the crisis line above now. Your words are not shared with them. If someone picks this up, they will write to you here.",
  crisisNotReached:
    "I could not reach a peer supporter just now. Please use the crisis line above now, and if you are in danger, call your local emergency number. Your alert is saved (reference **{code}**); if a supporter takes it, they will write to you here.",
  crisisAlreadyAlerted:
    "Peer supporters already know you need someone now (reference **{code}**). You can write to them below. If you are in danger, please use the contacts above now.",
  adminOnly: "Only programme admins can do that.",
  supportersChannelSet:
    "Done: new requests will also be posted in this channel, showing only urgency, category and reference. Claimed requests open in the claimer's private chat.",
  actionDetails: "Details of {code}",
  trailTitle: "What happened, and when",
  audit_created: "You asked for support",
  audit_claim: "A peer supporter took it",
  audit_view: "Opened",
  audit_start_conversation: "Conversation started",
  audit_refer: "Referred to professional help",
  audit_resolve: "Resolved",
  audit_release: "Released back to the queue",
  audit_withdraw: "Withdrawn",
  audit_relay: "Message passed on",
  claimedUpdate: "Update: {code} has been claimed by a colleague. Thank you for responding.",
  onDutyConfirmed: "You are on duty: new requests will come to you here. Type **off duty** when you stop.",
  offDutyConfirmed: "You are off duty: new requests will not come to you. Thank you for being there for colleagues.",
  queueTitle: "Open requests",
  queueEmpty: "No open requests right now.",
  queueItem: "**{code}** · {category} · {urgency} · waiting {age}",
  resourcesIntro: "Support resources, including crisis lines, are in the Peer Circles tab.",
  turnFailed: "Sorry, something went wrong on my side. Please try again. If you need help now, type **resources**.",
  buddyCardTitleNewcomer: "Meet your buddy: {name}",
  buddyCardTitleBuddy: "You're now a buddy to {name}",
  buddyCardIntroNewcomer:
    "{name} has offered to be your buddy while you settle in: a colleague to ask the small questions and talk things over with.",
  buddyCardIntroBuddy: "{name} has just joined and asked for a buddy. Thank you for making time for them.",
  buddyCardCheckIn: "Suggested first check-in (15 minutes): {when}",
  buddyCardCheckInHint: "It's a time you both said suits you. Move it if you need to.",
  buddyCardSomeone: "a colleague",
  buddyCardPrivacy: "Either of you can end the pairing at any time from the Home tab. Nobody is told why.",
  buddyCardAddToCalendar: "Add to calendar",
  buddyCardOpenApp: "Open Peer Circles",
  buddyCalendarSummary: "Buddy check-in with {name}",
  buddyCalendarDescription:
    "Your first 15-minute buddy check-in, suggested by Peer Circles at a time you both said suits you. Move it if you need to.",
} as const;

export type BotMessageKey = keyof typeof BOT_MESSAGES_EN;
export type BotMessages = Record<BotMessageKey, string>;

/** Fills `{name}` slots in a catalogue string. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? `{${name}}`);
}

/** The catalogues by primary language subtag ("de" for de-DE, de-AT, de-CH…). */
export const BOT_CATALOGUES: Readonly<Record<string, BotMessages>> = { en: BOT_MESSAGES_EN, de: BOT_MESSAGES_DE };

/** The catalogue for a BCP 47 locale such as "de-DE" (see localeOf for where it comes from); English otherwise. */
export function botMessages(locale?: string): BotMessages {
  const language = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return Object.hasOwn(BOT_CATALOGUES, language) ? BOT_CATALOGUES[language]! : BOT_MESSAGES_EN;
}
