import type { HelpRequest } from "../../../../shared/index.js";
import type { BotMessages } from "../bot-messages.js";

/** Catalogue keys for a request's category, urgency and status, shared by every card. */
const CATEGORY_KEYS = {
  workload: "categoryWorkload",
  conflict: "categoryConflict",
  wellbeing: "categoryWellbeing",
  something_happened: "categorySomethingHappened",
  other: "categoryOther",
} as const;
const URGENCY_KEYS = { crisis: "urgencyCrisis", today: "urgencyToday", soon: "urgencySoon", can_wait: "urgencyCanWait" } as const;
const STATUS_KEYS = {
  open: "statusOpen",
  claimed: "statusClaimed",
  in_conversation: "statusInConversation",
  referred: "statusReferred",
  resolved: "statusResolved",
  withdrawn: "statusWithdrawn",
} as const;

export function categoryLabel(messages: BotMessages, request: Pick<HelpRequest, "category">): string {
  return messages[CATEGORY_KEYS[request.category]];
}

export function urgencyLabel(messages: BotMessages, request: Pick<HelpRequest, "urgency">): string {
  return messages[URGENCY_KEYS[request.urgency]];
}

export function statusLabel(messages: BotMessages, request: Pick<HelpRequest, "status">): string {
  return messages[STATUS_KEYS[request.status]];
}
