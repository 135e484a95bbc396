import { PairLedger } from "./pair-ledger.js";

type Rounds = readonly (readonly (readonly string[])[])[];

/** Walks rounds in order, calling back with how many pairs of each round had already met. */
function walk(rounds: Rounds, history: Rounds, onRound: (repeats: number) => boolean): void {
  const index = new Map<string, number>();
  for (const round of [...history, ...rounds])
    for (const group of round) for (const id of group) if (!index.has(id)) index.set(id, index.size);
  const earlier = history.flatMap((round) => round.map((group) => [...new Set(group)].map((id) => index.get(id)!)));
  const starts = Int32Array.from({ length: earlier.length + 1 }, () => 0);
  earlier.forEach((group, at) => (starts[at + 1] = starts[at]! + group.length));
  const ledger = new PairLedger(index.size, Int32Array.from(earlier.flat()), starts);
  const meet = (round: readonly (readonly string[])[]): number => {
    let repeats = 0;
    for (const group of round) {
      const members = group.map((id) => index.get(id)!);
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++) if (ledger.add(members[i]!, members[j]!, 1) > 0) repeats++;
    }
    return repeats;
  };
  for (const round of rounds) if (!onRound(meet(round))) return;
}

/**
 * Meetings in `rounds` of a pair that had already met, in `history` or an earlier round. A pair
 * meeting three times counts twice; repeats inside `history` itself are not counted.
 */
export function countRepeatedPairs(rounds: Rounds, history: Rounds = []): number {
  let total = 0;
  walk(rounds, history, (repeats) => {
    total += repeats;
    return true;
  });
  return total;
}

/** How many leading rounds pass before the first meeting of a pair that had already met. */
export function roundsWithoutRepeat(rounds: Rounds, history: Rounds = []): number {
  let clean = 0;
  walk(rounds, history, (repeats) => {
    if (repeats > 0) return false;
    clean++;
    return true;
  });
  return clean;
}
