import type { TurnContext } from "botbuilder";
import type { RiskAssessment, Role } from "../../../../shared/index.js";
import type { BotMessageKey, BotMessages } from "../bot-messages.js";
import type { BotServices } from "../bot-services.js";
import type { AdaptiveCard } from "../cards/adaptive-card.js";

/** Where a command can be said, named as the Teams manifest names bot scopes. */
export type CommandScope = "personal" | "team" | "groupChat";
export const COMMAND_SCOPES: readonly CommandScope[] = ["personal", "team", "groupChat"];

/** Who may use an entry: everyone, or only holders of a programme role. */
export type CommandRole = "everyone" | Extract<Role, "supporter" | "admin">;

export interface Identity {
  tenantId: string;
  userId: string;
  displayName?: string;
}

/** One message, as a command handler sees it. */
export interface CommandTurn {
  context: TurnContext;
  scope: CommandScope;
  /** What the person wrote, unchanged; never logged. */
  text: string;
  /** The text normalised by normaliseCommand. */
  command: string;
  risk: RiskAssessment;
  messages: BotMessages;
  identity: Identity | undefined;
  services: BotServices;
}

export interface BotCommand {
  /** The first name is the one shown in the help card and the manifest; the rest are aliases. */
  names: readonly [string, ...string[]];
  /** When set, the command also matches `<name> <argument>` (e.g. "ask Sam", from the tab). */
  takesArgument?: boolean;
  scopes: readonly CommandScope[];
  role: CommandRole;
  /** Catalogue key of the one-line description in the help card and the manifest's command list. */
  helpKey: BotMessageKey;
  /** Unlisted commands work but are not offered in the help card or the manifest (the tab says them for you). */
  listed: boolean;
  handler(turn: CommandTurn): Promise<void>;
}

/** One Adaptive Card Action.Execute, as a verb handler sees it. */
export interface VerbTurn {
  context: TurnContext;
  scope: CommandScope;
  /** Who pressed the button, from the authenticated activity; absent when it cannot be told. */
  actor: Identity | undefined;
  /** The action's `data`, exactly as sent: hostile until checked. */
  data: unknown;
  messages: BotMessages;
  services: BotServices;
}

export type SignedInVerbTurn = VerbTurn & { actor: Identity };

interface CardVerbBase {
  verb: string;
  scopes: readonly CommandScope[];
  /** Whether a request may be acted on is decided per request by RequestService, not by role here. */
  role: CommandRole;
}

/** Verbs that need to know who pressed the button; without an identity the help card comes back. */
export type CardVerb =
  | (CardVerbBase & { needsIdentity: true; handler(turn: SignedInVerbTurn): Promise<AdaptiveCard> })
  | (CardVerbBase & { needsIdentity: false; handler(turn: VerbTurn): Promise<AdaptiveCard> });
