/**
 * A logistic layer stacked on the frames: it weighs what the frames found (their stable reason
 * labels), the words and word pairs of the normalised clauses, and a few cues of tone, and learns
 * from the development corpus when a frame can be trusted (a first-person plan) and when not (a
 * supporter's question, an idiom, a farewell at the end of a job). Weights ship as data
 * (risk-linear-en.json), trained by scripts/train-risk-model.ts on the development part only.
 */
export interface LinearRiskModel {
  /** Feature name → [weight towards crisis, weight towards any risk]. */
  weights: Record<string, number[]>;
  /** [crisis, any risk]. */
  bias: number[];
  /** How much of the naive Bayes layer's log-odds joins each head's own. */
  bayesShare: number;
}

/** Above this the linear layer calls crisis on its own (chosen by cross-validation on development). */
export const LINEAR_CRISIS_THRESHOLD = 0.6;
/** When the frames explained risk words away (negated, someone else's, a story), the layer needs more. */
export const EXPLAINED_CRISIS_THRESHOLD = 0.97;
/** Below this a crisis frame is demoted to elevated: the layer has seen such words be harmless. */
export const FRAME_CRISIS_FLOOR = 0.1;
/** A frame the whole message would demote stands if its own clauses score above this. */
export const LOCAL_FRAME_FLOOR = 0.5;
export const LINEAR_RISK_THRESHOLD = 0.75;

/** What the frames said, as the linear layer sees it. */
export interface FrameFindings {
  crisis: Iterable<string>;
  elevated: Iterable<string>;
  explained: boolean;
  clauses: string[];
}

// Laughter and festivity make hyperbole more likely; tears make distress more likely. Emoji are
// matched as UTF-16 pairs and words without the Unicode flag: the same test, several times faster.
const LAUGHTER_EMOJI =
  /\uD83D\uDE02|\uD83E\uDD23|\uD83D\uDE05|\uD83D\uDE06|\uD83D\uDE04|\uD83C\uDF89|\uD83D\uDE1C|\uD83E\uDD2A|\uD83D\uDE43|\uD83D\uDE09|\uD83D\uDC80/;
const LAUGHTER_WORDS = /\b(?:lol|lmao|haha\w*|jk|rofl)\b/i;
const TEARS = /\uD83D\uDE22|\uD83D\uDE2D|\uD83D\uDC94|\uD83D\uDE14|\uD83D\uDE1E|\uD83D\uDE29|\uD83E\uDD7A/;

/** A light suffix cut, so "overdosed", "overdosing" and "overdoses" share a feature. */
export function linearStem(token: string): string {
  const length = token.length;
  if (length > 4 && token.endsWith("ing")) return token.slice(0, -3);
  if (length > 3 && (token.endsWith("ed") || token.endsWith("es") || token.endsWith("ly"))) return token.slice(0, -2);
  if (length > 3 && token.endsWith("s")) return token.slice(0, -1);
  return token;
}

/** Tone cues of the whole message; "X" when the frames explained risk words away. */
export function linearTones(text: string, frames: FrameFindings): string[] {
  const tones: string[] = [];
  if (frames.explained) tones.push("X");
  if (text.includes("?")) tones.push("Q");
  if (LAUGHTER_WORDS.test(text) || LAUGHTER_EMOJI.test(text)) tones.push("LAUGH");
  if (TEARS.test(text)) tones.push("TEARS");
  return tones;
}

/**
 * Distinct feature names: frame reasons, tones, and a frame read with a tone (a supporter's question
 * or a joke changes what a frame is worth, which one weight per frame could not say); then stemmed
 * words, adjacent pairs and pairs one word apart. Training uses these names; scoring uses numbers.
 */
export function linearFeatures(text: string, frames: FrameFindings): string[] {
  const features = new Set<string>();
  const tones = linearTones(text, frames);
  for (const tone of tones) features.add(tone);
  for (const reason of frames.crisis) {
    features.add(`R|${reason}`);
    for (const tone of tones) features.add(`R|${reason}|${tone}`);
  }
  for (const reason of frames.elevated) features.add(`E|${reason}`);
  for (const clause of frames.clauses) {
    const tokens: string[] = [];
    for (const token of clause.split(" ")) if (token) tokens.push(linearStem(token));
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      features.add(`w|${token}`);
      if (index + 1 < tokens.length) features.add(`b|${token}|${tokens[index + 1]!}`);
      if (index + 2 < tokens.length) features.add(`s|${token}|${tokens[index + 2]!}`);
    }
  }
  return [...features];
}
