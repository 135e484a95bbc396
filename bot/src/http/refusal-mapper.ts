import { AppError } from "../../../shared/index.js";
import { REFUSAL_TABLES, type RefusalAnswer, type RefusalFeature, type RefusalOf } from "./refusal-tables.js";
import { serverMessage } from "./server-messages.js";

/**
 * The one way a feature's refusal becomes an HTTP error. There is no fallback: the tables are
 * exhaustive by type, so every refusal a service can return has its own code and words.
 */
export function refusalError<Feature extends RefusalFeature>(feature: Feature, refusal: RefusalOf<Feature>): AppError {
  const [code, key] = refusalAnswer(feature, refusal);
  return new AppError(code, serverMessage(key));
}

/** The table row for a refusal, for the rare route that needs the code or words on their own. */
export function refusalAnswer<Feature extends RefusalFeature>(feature: Feature, refusal: RefusalOf<Feature>): RefusalAnswer {
  const table: Readonly<Record<string, RefusalAnswer>> = REFUSAL_TABLES[feature];
  const answer = table[refusal];
  // Only reachable if a caller cast its way past the types; say so rather than guess a status.
  if (!answer) throw new Error(`No HTTP answer for the ${feature} refusal "${refusal}".`);
  return answer;
}
