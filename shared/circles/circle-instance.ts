/**
 * The members being placed, turned into integer-indexed arrays so the search never touches
 * strings. Everything here is fixed for a plan: teams, avoid lists, windows and interests.
 */
export interface CircleMember {
  id: string;
  team?: string;
  /** Not used for grouping: windows are expected in one shared reference (for example UTC slots). */
  timeZone?: string;
  windows?: string[];
  avoid?: string[];
  interests?: string[];
}

/** Weights put the soft goals in their priority order: a repeat outweighs any team or interest gain. */
export const HARD_WEIGHT = 1e9;
export const REPEAT_WEIGHT = 10_000;
export const TEAM_WEIGHT = 10;
export const INTEREST_WEIGHT = 1;
const MAX_INTERESTS_COUNTED = 3;
const DENSE_LIMIT = 1024;

function intern(values: Map<string, number>, value: string): number {
  let found = values.get(value);
  if (found === undefined) values.set(value, (found = values.size));
  return found;
}

function bitsOf(lists: (readonly string[] | undefined)[]): { words: number; bits: Uint32Array; total: number } {
  const values = new Map<string, number>();
  for (const list of lists) for (const value of list ?? []) intern(values, value);
  const words = Math.ceil(values.size / 32);
  const bits = new Uint32Array(lists.length * words);
  lists.forEach((list, member) => {
    for (const value of list ?? []) {
      const index = values.get(value)!;
      bits[member * words + (index >>> 5)]! |= 1 << (index & 31);
    }
  });
  return { words, bits, total: values.size };
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export class CircleInstance {
  readonly count: number;
  readonly ids: readonly string[];
  readonly team: Int32Array;
  readonly avoidStart: Int32Array;
  readonly avoidList: Int32Array;
  /** Distinct windows; a group's windowed members must all hold one of them in common. */
  readonly windowTotal: number;
  readonly windowWords: number;
  readonly windowBits: Uint32Array;
  readonly windowed: Uint8Array;
  /** Members with the same set of windows share a kind; -1 for members without windows. */
  readonly windowKind: Int32Array;
  private readonly interestWords: number;
  private readonly interestBits: Uint32Array;
  private readonly dense: Float64Array | null;

  constructor(members: readonly CircleMember[]) {
    const n = members.length;
    this.count = n;
    this.ids = members.map((member) => member.id);
    const indexOf = new Map<string, number>();
    if (members.some((member) => member.avoid?.length)) this.ids.forEach((id, index) => indexOf.set(id, index));
    const teams = new Map<string, number>();
    this.team = Int32Array.from(members, (member) => (member.team ? intern(teams, member.team) : -1));

    // Avoid lists are rare, so only the members involved get a set.
    const avoids = new Map<number, Set<number>>();
    const link = (a: number, b: number) => {
      const set = avoids.get(a);
      if (set) set.add(b);
      else avoids.set(a, new Set([b]));
    };
    members.forEach((member, index) => {
      for (const other of member.avoid ?? []) {
        const target = indexOf.get(other);
        if (target === undefined || target === index) continue;
        link(index, target);
        link(target, index);
      }
    });
    this.avoidStart = new Int32Array(n + 1);
    for (let index = 0; index < n; index++) this.avoidStart[index + 1] = this.avoidStart[index]! + (avoids.get(index)?.size ?? 0);
    this.avoidList = new Int32Array(this.avoidStart[n]!);
    for (const [index, set] of avoids)
      this.avoidList.set(
        [...set].sort((a, b) => a - b),
        this.avoidStart[index]!,
      );

    const windows = bitsOf(members.map((member) => member.windows));
    this.windowTotal = windows.total;
    this.windowWords = windows.words;
    this.windowBits = windows.bits;
    this.windowed = Uint8Array.from(members, (member) => ((member.windows?.length ?? 0) > 0 ? 1 : 0));
    const kinds = new Map<string, number>();
    this.windowKind = Int32Array.from(members, (member) =>
      member.windows?.length ? intern(kinds, [...new Set(member.windows)].sort().join("\u0000")) : -1,
    );
    const interests = bitsOf(members.map((member) => member.interests));
    this.interestWords = interests.words;
    this.interestBits = interests.bits;

    this.dense = null;
    if (n <= DENSE_LIMIT) {
      const dense = new Float64Array(n * n);
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) dense[a * n + b] = dense[b * n + a] = this.computePairCost(a, b);
      this.dense = dense;
    }
  }

  avoids(a: number, b: number): boolean {
    for (let index = this.avoidStart[a]!, end = this.avoidStart[a + 1]!; index < end; index++) if (this.avoidList[index] === b) return true;
    return false;
  }

  avoidCount(member: number): number {
    return this.avoidStart[member + 1]! - this.avoidStart[member]!;
  }

  hasWindow(member: number, window: number): boolean {
    return (this.windowBits[member * this.windowWords + (window >>> 5)]! & (1 << (window & 31))) !== 0;
  }

  /** The fixed part of putting two members together: avoid (hard), same team, shared interests. */
  pairCost(a: number, b: number): number {
    return this.dense ? this.dense[a * this.count + b]! : this.computePairCost(a, b);
  }

  private computePairCost(a: number, b: number): number {
    let cost = this.avoids(a, b) ? HARD_WEIGHT : 0;
    if (this.team[a]! >= 0 && this.team[a] === this.team[b]) cost += TEAM_WEIGHT;
    if (this.interestWords > 0) {
      let shared = 0;
      for (let word = 0; word < this.interestWords; word++)
        shared += popcount(this.interestBits[a * this.interestWords + word]! & this.interestBits[b * this.interestWords + word]!);
      cost -= Math.min(shared, MAX_INTERESTS_COUNTED) * INTEREST_WEIGHT;
    }
    return cost;
  }
}
