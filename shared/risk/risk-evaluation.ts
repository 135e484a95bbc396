import { assessRisk, type RiskLevel } from "./assess-risk.js";

/** One labelled phrasing of the evaluation corpus (tests/fixtures/risk-corpus/*.jsonl). */
export interface LabelledPhrasing {
  text: string;
  level: RiskLevel;
  kind: string;
}

export interface ScreenFigures {
  size: number;
  crisisRecall: number;
  elevatedOrCrisisRecall: number;
  benignJudgedCrisis: number;
  benignJudgedAny: number;
  byLevel: Record<RiskLevel, number>;
}

/** Parses a JSON-lines corpus, refusing a line that is not a labelled phrasing. */
export function parseCorpus(jsonLines: string): LabelledPhrasing[] {
  return jsonLines
    .split("\n")
    .filter((line) => line.trim())
    .map((line, index) => {
      const row = JSON.parse(line) as Partial<LabelledPhrasing>;
      if (typeof row.text !== "string" || !["none", "elevated", "crisis"].includes(row.level ?? "") || typeof row.kind !== "string") {
        throw new Error(`corpus line ${index + 1} is not {text, level, kind}`);
      }
      return row as LabelledPhrasing;
    });
}

/**
 * Parses a JSON-lines file of ordinary sentences (`{text, kind}`) to set phrasings among, each
 * ending in a full stop, refusing a line without text.
 */
export function parseSentences(jsonLines: string): string[] {
  return jsonLines
    .split("\n")
    .filter((line) => line.trim())
    .map((line, index) => {
      const { text } = JSON.parse(line) as { text?: unknown };
      if (typeof text !== "string" || !text.trim()) throw new Error(`sentence line ${index + 1} has no text`);
      return /[.!?]\s*$/.test(text) ? text.trim() : `${text.trim()}.`;
    });
}

/** Recall at both levels and false crisis calls on benign text, as fractions 0–1. */
export function screenFigures(corpus: LabelledPhrasing[]): ScreenFigures {
  const byLevel: Record<RiskLevel, number> = { none: 0, elevated: 0, crisis: 0 };
  let crisisFound = 0;
  let riskFound = 0;
  let benignCrisis = 0;
  let benignAny = 0;
  for (const { text, level } of corpus) {
    byLevel[level] += 1;
    const found = assessRisk(text).level;
    if (level === "crisis" && found === "crisis") crisisFound += 1;
    if (level !== "none" && found !== "none") riskFound += 1;
    if (level === "none" && found === "crisis") benignCrisis += 1;
    if (level === "none" && found !== "none") benignAny += 1;
  }
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  return {
    size: corpus.length,
    crisisRecall: share(crisisFound, byLevel.crisis),
    elevatedOrCrisisRecall: share(riskFound, byLevel.crisis + byLevel.elevated),
    benignJudgedCrisis: share(benignCrisis, byLevel.none),
    benignJudgedAny: share(benignAny, byLevel.none),
    byLevel,
  };
}
