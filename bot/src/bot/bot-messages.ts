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
  turnFailed: "Sorry, something went wrong on my side. Please try again. If you need help now, type **resources**.",
} as const;

export type BotMessageKey = keyof typeof BOT_MESSAGES_EN;
export type BotMessages = Record<BotMessageKey, string>;

export function botMessages(_locale?: string): BotMessages {
  return BOT_MESSAGES_EN;
}
