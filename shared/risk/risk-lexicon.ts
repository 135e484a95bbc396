/**
 * The shape of a risk lexicon. Each language is data of this shape, so adding one means adding a
 * file, not code. Patterns run on normalised text: lower case, no apostrophes ("can't" → "cant"),
 * punctuation turned into spaces, common misspellings corrected, repeated letters collapsed.
 */
export interface RiskPattern {
  /** A stable label, given as the reason. Never the person's words: reasons may reach logs. */
  reason: string;
  pattern: RegExp;
}

export interface RiskLexicon {
  language: string;
  /** Risk to life or safety: suicidal thoughts, self-harm, harm to others, danger from someone. */
  crisis: RiskPattern[];
  /** Severe distress. Also where a worry about somebody else lands. */
  elevated: RiskPattern[];
  /** Harmless figures of speech, blanked out before any risk pattern runs. */
  idioms: RegExp[];
  /** Words that, just before a risk phrase in the same clause, turn it around ("I'm not suicidal"). */
  negations: string[];
  /** Fiction, news or training: the words are about a story, not the writer. */
  mediaCues: RegExp[];
  /** Somebody else's words or situation: a concern, not the writer's own crisis. */
  reportedCues: RegExp[];
  /** Token-level corrections applied during normalisation. */
  misspellings: Record<string, string>;
}
