import { TAB_MESSAGES_EN } from "./en.js";
import type { TabCatalogue } from "./messages.js";

/** German: not translated yet, so it reads English. */
export const TAB_MESSAGES_DE: TabCatalogue = { ...TAB_MESSAGES_EN };
