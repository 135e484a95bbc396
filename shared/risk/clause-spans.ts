/** What joins the clauses in `joinedClauses`, and so must not occur in any of them. */
export const CLAUSE_SEPARATOR = "\n";

/**
 * The clauses joined into one string, to walk as spans, or undefined when a clause holds the
 * separator (walk the clauses one by one then). The clauses are mostly slices and trims of the
 * message, which engines keep as views onto it; reading such a view character by character costs
 * about twice what reading a plain string does, and the statistical layers read every character.
 * Joining them is one copy. The walk stays a plain loop in the caller: a callback per clause would
 * move the caller's counters out of registers.
 */
export function joinedClauses(clauses: readonly string[]): string | undefined {
  for (const clause of clauses) if (clause.includes(CLAUSE_SEPARATOR)) return undefined;
  return clauses.join(CLAUSE_SEPARATOR);
}
