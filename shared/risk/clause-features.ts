/**
 * A message's feature numbers clause by clause, in the order its tokens give them, repeats and all:
 * clause k's are `ids[starts[k]]` up to `ids[starts[k + 1]]`. Scoring any set of the clauses from
 * these gives what scoring those clauses' text would, without walking the text again, so the
 * screen can weigh two clauses at a time, or the clauses a frame fired in, for a few additions.
 *
 * One list per model, reused from message to message: valid until that model's next message.
 */
export class ClauseFeatures {
  ids = new Int32Array(2048);
  starts = new Int32Array(64);
  clauseCount = 0;
  private length = 0;

  reset(): void {
    this.length = 0;
    this.clauseCount = 0;
    this.starts[0] = 0;
  }

  /** Adds a feature number to the clause being read; a negative number (no feature) is left out. */
  push(feature: number): void {
    if (feature < 0) return;
    if (this.length === this.ids.length) this.ids = grown(this.ids);
    this.ids[this.length++] = feature;
  }

  endClause(): void {
    this.clauseCount += 1;
    if (this.clauseCount + 1 > this.starts.length) this.starts = grown(this.starts);
    this.starts[this.clauseCount] = this.length;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Clause numbers `from` up to `to`: what a run of clauses is scored over. */
export function clauseRange(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);
}
