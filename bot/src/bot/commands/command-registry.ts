import { infoCard } from "../cards/info-card.js";
import { CLAIM_REQUEST_VERB, REFRESH_REQUEST_VERB, REQUEST_ACTION_VERB } from "../cards/supporter-cards.js";
import { REQUEST_DETAILS_VERB, SUBMIT_REQUEST_VERB } from "../cards/request-cards.js";
import { RELAY_VERB } from "../cards/relay-cards.js";
import { sendQueue, setListed, setOnDuty, setSupportersChannel } from "../supporter-commands.js";
import { changeStatus, claim, refresh, relay, submitRequest } from "./card-verbs.js";
import {
  askNamedSupporter,
  MY_DATA_PATH,
  requestDetails,
  sendHelp,
  sendMyRequests,
  sendRequestForm,
  sendResources,
  startRequestFromText,
} from "./conversation-commands.js";
import type { BotCommand, CardVerb, CommandScope } from "./registry-types.js";

const SHARED: readonly CommandScope[] = ["team", "groupChat"];
const EVERYWHERE: readonly CommandScope[] = ["personal", ...SHARED];

/**
 * Every command the bot understands, in the order the help card and the manifest list them. The
 * dispatch, the help card, the manifest's command lists and the tests all read this list, so a
 * command added here is answered, offered and checked everywhere at once.
 */
export const BOT_COMMANDS: readonly BotCommand[] = [
  {
    names: ["help", "hi", "hello", "start", "?"],
    scopes: EVERYWHERE,
    role: "everyone",
    helpKey: "helpCommandHelp",
    listed: true,
    handler: sendHelp,
  },
  {
    names: ["talk to someone", "talk", "request", "ask for help"],
    scopes: ["personal"],
    role: "everyone",
    helpKey: "helpCommandTalk",
    listed: true,
    handler: sendRequestForm,
  },
  { names: ["my requests"], scopes: ["personal"], role: "everyone", helpKey: "helpCommandRequests", listed: true, handler: sendMyRequests },
  { names: ["resources"], scopes: ["personal"], role: "everyone", helpKey: "helpCommandResources", listed: true, handler: sendResources },
  {
    names: ["privacy", "my data"],
    scopes: ["personal"],
    role: "everyone",
    helpKey: "helpCommandPrivacy",
    listed: true,
    handler: ({ context, messages, services }) =>
      services.sendCard(
        context,
        infoCard({
          title: messages.privacyTitle,
          intro: messages.privacyIntro,
          points: [
            messages.privacyRequests,
            messages.privacyChatText,
            messages.privacyCircles,
            messages.privacyBuddies,
            messages.privacySettings,
            messages.privacySupporters,
            messages.privacyParticipation,
          ],
          link: { title: messages.privacyOpenMyData, url: services.tabUrl(MY_DATA_PATH) },
        }),
      ),
  },
  {
    names: ["ask"],
    takesArgument: true,
    scopes: ["personal"],
    role: "everyone",
    helpKey: "helpCommandAsk",
    listed: false,
    handler: askNamedSupporter,
  },
  { names: ["queue"], scopes: ["personal"], role: "supporter", helpKey: "helpCommandQueue", listed: true, handler: sendQueue },
  { names: ["on duty"], scopes: ["personal"], role: "supporter", helpKey: "helpCommandOnDuty", listed: true, handler: setOnDuty(true) },
  { names: ["off duty"], scopes: ["personal"], role: "supporter", helpKey: "helpCommandOffDuty", listed: true, handler: setOnDuty(false) },
  { names: ["list me"], scopes: ["personal"], role: "supporter", helpKey: "helpCommandListMe", listed: true, handler: setListed(true) },
  {
    names: ["unlist me"],
    scopes: ["personal"],
    role: "supporter",
    helpKey: "helpCommandUnlistMe",
    listed: true,
    handler: setListed(false),
  },
  {
    names: ["set supporters channel"],
    scopes: ["team"],
    role: "admin",
    helpKey: "helpCommandSupportersChannel",
    listed: true,
    handler: setSupportersChannel,
  },
];

/** What any other text in personal chat does: it starts a request with the words already in the form. */
export const FREE_TEXT_HANDLER: BotCommand["handler"] = startRequestFromText;

/** Every Adaptive Card Action.Execute verb the bot answers. */
export const CARD_VERBS: readonly CardVerb[] = [
  { verb: SUBMIT_REQUEST_VERB, scopes: EVERYWHERE, role: "everyone", needsIdentity: false, handler: submitRequest },
  { verb: CLAIM_REQUEST_VERB, scopes: EVERYWHERE, role: "everyone", needsIdentity: true, handler: claim },
  { verb: REFRESH_REQUEST_VERB, scopes: EVERYWHERE, role: "everyone", needsIdentity: true, handler: refresh },
  { verb: REQUEST_ACTION_VERB, scopes: ["personal"], role: "everyone", needsIdentity: true, handler: changeStatus },
  { verb: REQUEST_DETAILS_VERB, scopes: ["personal"], role: "everyone", needsIdentity: true, handler: requestDetails },
  { verb: RELAY_VERB, scopes: ["personal"], role: "everyone", needsIdentity: true, handler: relay },
];

/** The command a normalised text means in a scope: an exact name first, then `<name> <argument>`. */
export function findCommand(command: string, scope: CommandScope): BotCommand | undefined {
  const here = BOT_COMMANDS.filter((entry) => entry.scopes.includes(scope));
  return (
    here.find((entry) => entry.names.includes(command)) ??
    here.find((entry) => entry.takesArgument && entry.names.some((name) => command.startsWith(`${name} `)))
  );
}

export function findVerb(verb: unknown): CardVerb | undefined {
  return CARD_VERBS.find((entry) => entry.verb === verb);
}

/** The commands offered (help card, manifest) in a scope, in registry order. */
export function listedCommands(scope: CommandScope): BotCommand[] {
  return BOT_COMMANDS.filter((entry) => entry.listed && entry.scopes.includes(scope));
}
