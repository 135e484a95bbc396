/**
 * Every user-facing string the bot and its cards say, in one catalogue so it can be translated.
 * Keys are stable; only the English text lives here for now.
 */
export const BOT_MESSAGES_EN = {
  helpTitle: "Peer Circles",
  helpIntro:
    "I connect you with trained peer supporters at work: colleagues who listen, share what helps and know when to point to professional help.",
  helpWhatICanDo: "What I can do",
  helpCommandHelp: "Show this card.",
  helpCommandTalk: "Ask for a private conversation with a peer supporter.",
  helpCommandRequests: "See your requests and their status.",
  helpCommandResources: "Support resources, including crisis lines.",
  helpWhoSeesWhat: "Who sees what",
  helpPrivacyRequester: "What you write in a request is seen only by you and the peer supporter who takes it.",
  helpPrivacyAnonymous: "You can stay anonymous: the supporter then sees neither your name nor your profile.",
  helpPrivacyAdmins: "Programme admins see counts only, never names or what anyone wrote.",
  helpNotEmergency: "Peer Circles is not an emergency service.",
  helpEmergency: "If you or someone else is in danger right now, call your local emergency number.",
  helpOpenResources: "Open resources",
  privateChatOnly: "To keep things private, I only take requests in a one-to-one chat. Open a private chat with me and say hello there.",
  privateChatAction: "Open a private chat",
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
  confirmCrisis: "It is marked urgent. If you are in danger right now, please use the contacts above.",
  storeDownTitle: "We couldn't save this",
  storeDownBody:
    "Our storage is not reachable right now, so your request has NOT been sent. What you wrote is still in the form below: please try again in a moment.",
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
  crisisAlreadyAlerted:
    "Peer supporters already know you need someone now (reference **{code}**). You can write to them below. If you are in danger, please use the contacts above now.",
  adminOnly: "Only programme admins can do that.",
  supportersChannelSet:
    "Done: new requests will also be posted in this channel, showing only urgency, category and reference. Claimed requests open in the claimer's private chat.",
  onDutyConfirmed: "You are on duty: new requests will come to you here. Type **off duty** when you stop.",
  offDutyConfirmed: "You are off duty: new requests will not come to you. Thank you for being there for colleagues.",
  queueTitle: "Open requests",
  queueEmpty: "No open requests right now.",
  queueItem: "**{code}** · {category} · {urgency} · waiting {age}",
  resourcesIntro: "Support resources, including crisis lines, are in the Peer Circles tab.",
  turnFailed: "Sorry, something went wrong on my side. Please try again. If you need help now, type **resources**.",
} as const;

export type BotMessageKey = keyof typeof BOT_MESSAGES_EN;
export type BotMessages = Record<BotMessageKey, string>;

/** Fills `{name}` slots in a catalogue string. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? `{${name}}`);
}

export function botMessages(_locale?: string): BotMessages {
  return BOT_MESSAGES_EN;
}
