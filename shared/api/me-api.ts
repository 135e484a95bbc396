import type { CallerIdentity } from "../identity.js";

/** GET /api/me: who the server took the caller for, and how it knows (the tab shows the dev switcher only in "dev"). */
export interface MeResponse extends CallerIdentity {
  authMode: "entra" | "dev";
  /** For the "Talk privately" deep link to the bot's chat; absent when no bot is registered. */
  botId?: string;
}
