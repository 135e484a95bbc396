import type { CloudAdapter, ConversationReference, TurnContext } from "botbuilder";

/** Teams' global Bot Connector endpoint; it redirects each tenant to its region. */
export const TEAMS_GLOBAL_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

/**
 * Runs one Bot Connector question (a roster or meeting lookup) in a proactive turn on the given
 * conversation. The question's error is carried out of the turn and rethrown here: thrown inside
 * it, the adapter's turn-error handler would swallow it and post an apology into the chat.
 */
export async function askTeams<T>(
  adapter: CloudAdapter,
  botAppId: string,
  reference: Partial<ConversationReference>,
  ask: (context: TurnContext) => Promise<T>,
): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  await adapter.continueConversationAsync(botAppId, reference, async (context) => {
    try {
      outcome = { ok: true, value: await ask(context) };
    } catch (error) {
      outcome = { ok: false, error };
    }
  });
  if (!outcome) throw new Error("The connector turn did not run.");
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Teams answering "not a member" (404/403) is an ordinary answer; anything else is a failure to ask. */
export const isNotMemberAnswer = (error: unknown) => [403, 404].includes((error as { statusCode?: number }).statusCode ?? 0);

/**
 * A bounded cache of Teams' answers, kept per instance (never module state): a "yes" for a minute,
 * a "no" for less, so someone just added gets in soon.
 */
export class BriefAnswers<T> {
  private readonly answers = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly now: () => number,
    private readonly keepMs: (value: T) => number,
    private readonly capacity = 10_000,
  ) {}

  async get(key: string, look: () => Promise<T>): Promise<T> {
    const cached = this.answers.get(key);
    if (cached && cached.until > this.now()) return cached.value;
    const value = await look();
    if (this.answers.size >= this.capacity) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, { value, until: this.now() + this.keepMs(value) });
    return value;
  }
}
