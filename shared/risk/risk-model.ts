/**
 * A small naive Bayes layer over word and word-pair features, trained on the development corpus
 * only (scripts/train-risk-model.ts) and shipped as data. The frames are precise but miss phrasings
 * nobody wrote down; this layer carries what the labelled phrasings share (a held-out set showed
 * the frames alone finding 59% of crisis phrasings). It can add risk, and it can only veto a crisis
 * frame when it is all but certain the text is benign.
 */
export interface RiskModel {
  classes: string[];
  /** Log prior per class. */
  prior: number[];
  /** Feature → log likelihood per class, rounded to keep the bundle small. */
  features: Record<string, number[]>;
}

export const MODEL_CRISIS_THRESHOLD = 0.97;
export const MODEL_BENIGN_VETO = 0.999;

const stem = (token: string) => token.replace(/(?:ing|ed|es|s|ly)$/, "");

/** Distinct features of a message's normalised clauses: stemmed words and adjacent word pairs. */
export function modelFeatures(clauses: string[]): string[] {
  const features = new Set<string>();
  for (const clause of clauses) {
    const tokens = clause
      .split(" ")
      .filter((token) => token && token !== "_")
      .map(stem);
    tokens.forEach((token, index) => {
      features.add(token);
      if (index + 1 < tokens.length) features.add(`${token}_${tokens[index + 1]}`);
    });
  }
  return [...features];
}

/** Posterior probabilities of none, elevated and crisis. */
export function modelPosterior(clauses: string[], model: RiskModel): [number, number, number] {
  const logs = [...model.prior];
  for (const feature of modelFeatures(clauses)) {
    const likelihood = model.features[feature];
    if (!likelihood) continue;
    for (let index = 0; index < 3; index += 1) logs[index]! += likelihood[index]!;
  }
  const top = Math.max(...logs);
  const weights = logs.map((value) => Math.exp(value - top));
  const total = weights.reduce((sum, value) => sum + value, 0);
  return weights.map((value) => value / total) as [number, number, number];
}
