import type { SeededRandom } from "./seeded-random.js";

/**
 * Fresh rounds from a transversal design. Seats are s classes of g seats each; in round r the seat
 * (class c, index i) sits in group i + f_c(r), computed in an abelian group of order g, so every
 * group takes one seat from each class. Two seats of classes c and c' meet in round r exactly when
 * i − i' = f_c'(r) − f_c(r); if those differences never repeat across rounds for any pair of
 * classes (a difference matrix), no pair of seats ever meets twice. For prime g the rows f_c(r) =
 * c·r give g rounds; otherwise a bounded search finds as many columns as it can. When g is a
 * multiple of s, one more round groups each class with itself, since seats of a class never meet.
 */
const SEARCH_NODES = 1_000_000;
const BRANCHING = 3;

/** Seats are numbered c · g + i; the last `holes` seats of the last class stay empty. */
export function transversalRounds(groups: number, size: number, holes: number, wanted: number, random: SeededRandom): number[][][] {
  if (groups < 2 || size < 2 || wanted < 1) return [];
  const columns = bestColumns(groups, size, wanted, random);
  const rounds = columns.map(({ column, sub }) =>
    Array.from({ length: groups }, (_, group) => {
      const seats: number[] = [];
      for (let c = 0; c < size; c++) {
        const index = sub[group * groups + column[c]!]!;
        if (c < size - 1 || index < groups - holes) seats.push(c * groups + index);
      }
      return seats;
    }),
  );
  if (holes === 0 && groups % size === 0 && rounds.length < wanted)
    rounds.push(
      Array.from({ length: groups }, (_, group) => {
        const c = Math.floor((group * size) / groups);
        const start = (group * size) % groups;
        return Array.from({ length: size }, (_, offset) => c * groups + start + offset);
      }),
    );
  return rounds;
}

interface Column {
  column: Int32Array;
  sub: Int32Array;
}

/** Abelian groups of order g to try: cyclic, and each prime power split into prime factors. */
function groupShapes(order: number): number[][] {
  const primePowers: number[][] = [];
  let rest = order;
  for (let p = 2; p * p <= rest; p++) {
    const factors: number[] = [];
    while (rest % p === 0) {
      factors.push(p);
      rest /= p;
    }
    if (factors.length) primePowers.push(factors);
  }
  if (rest > 1) primePowers.push([rest]);
  const elementary = primePowers.flat();
  return elementary.length > 1 ? [[order], elementary] : [[order]];
}

function subtraction(moduli: number[]): Int32Array {
  const order = moduli.reduce((product, modulus) => product * modulus, 1);
  const table = new Int32Array(order * order);
  for (let a = 0; a < order; a++)
    for (let b = 0; b < order; b++) {
      let [x, y, result, place] = [a, b, 0, 1];
      for (const modulus of moduli) {
        result += (((x % modulus) - (y % modulus) + modulus) % modulus) * place;
        [x, y, place] = [Math.floor(x / modulus), Math.floor(y / modulus), place * modulus];
      }
      table[a * order + b] = result;
    }
  return table;
}

function isPrime(value: number): boolean {
  for (let p = 2; p * p <= value; p++) if (value % p === 0) return false;
  return value > 1;
}

function bestColumns(order: number, size: number, wanted: number, random: SeededRandom): Column[] {
  // Against the all-zero first column every later one needs s distinct values, so s > g allows one.
  if (size > order) wanted = 1;
  if (isPrime(order) && size <= order) {
    const sub = subtraction([order]);
    return Array.from({ length: Math.min(wanted, order) }, (_, r) => ({
      column: Int32Array.from({ length: size }, (_, c) => (c * r) % order),
      sub,
    }));
  }
  if (order > 256) return [];
  let best: Column[] = [];
  for (const moduli of groupShapes(order)) {
    const sub = subtraction(moduli);
    const found = searchColumns(order, size, Math.min(wanted, order), sub, random).map((column) => ({ column, sub }));
    if (found.length > best.length) best = found;
  }
  return best;
}

/** Depth-first search over columns, each column built row by row against the differences used. */
function searchColumns(order: number, size: number, wanted: number, sub: Int32Array, random: SeededRandom): Int32Array[] {
  const used = new Uint8Array(size * size * order);
  const chosen: Int32Array[] = [];
  let best: Int32Array[] = [];
  let nodes = 0;
  const mark = (column: Int32Array, value: number) => {
    for (let a = 0; a < size; a++)
      for (let b = a + 1; b < size; b++) used[(a * size + b) * order + sub[column[b]! * order + column[a]!]!] = value;
  };
  const candidates = (limit: number): Int32Array[] => {
    const found: Int32Array[] = [];
    const column = new Int32Array(size);
    const offsets = Int32Array.from({ length: size }, () => random.below(order));
    const fill = (row: number): void => {
      if (found.length >= limit || nodes > SEARCH_NODES) return;
      if (row === size) {
        found.push(column.slice());
        return;
      }
      for (let step = 0; step < order && found.length < limit; step++) {
        nodes++;
        const value = (offsets[row]! + step) % order;
        let free = true;
        for (let earlier = 0; earlier < row && free; earlier++)
          if (used[(earlier * size + row) * order + sub[value * order + column[earlier]!]!]) free = false;
        if (!free) continue;
        column[row] = value;
        fill(row + 1);
      }
    };
    fill(1);
    return found;
  };
  const extend = (): boolean => {
    if (chosen.length > best.length) best = chosen.slice();
    if (chosen.length >= wanted || nodes > SEARCH_NODES) return true;
    for (const column of candidates(BRANCHING)) {
      mark(column, 1);
      chosen.push(column);
      if (extend()) return true;
      chosen.pop();
      mark(column, 0);
    }
    return false;
  };
  extend();
  return best;
}
