import { seededRandom, shuffleInPlace } from "./seeded-random.js";

/**
 * Pairs new hires with colleagues who volunteered as buddies. Hard rules: a buddy never gets more
 * newcomers than their capacity, a newcomer is never paired with their manager or anyone they asked
 * to avoid (nor with themselves), and the two always share a window. Within those, as many newcomers
 * as possible are paired, then a buddy from a different team is preferred (someone outside the line
 * is easier to ask "silly" questions), then the least-loaded buddy, so the load spreads.
 *
 * Windows are opaque ids compared for equality. Peer Circles passes UTC quarter-hour cells
 * (buddy-windows.ts) listed soonest first, and a pair's `window` is the first of the newcomer's
 * windows the buddy shares, so it is the earliest check-in both can make.
 */

export interface BuddyNewcomer {
  readonly id: string;
  readonly team?: string | undefined;
  readonly windows: readonly string[];
  readonly managerId?: string | undefined;
  readonly avoid?: readonly string[] | undefined;
}

export interface BuddyVolunteer {
  readonly id: string;
  readonly team?: string | undefined;
  readonly windows: readonly string[];
  /** How many newcomers they will buddy at once. */
  readonly capacity: number;
  /** How many they already buddy. */
  readonly current: number;
}

export interface BuddyMatchInput {
  readonly newcomers: readonly BuddyNewcomer[];
  readonly buddies: readonly BuddyVolunteer[];
  /** Ties are broken by a seeded shuffle, so the same input and seed always give the same pairs. */
  readonly seed?: number;
}

export type BuddyUnmatchedReason = "no-capacity" | "no-shared-window" | "only-manager";

export interface BuddyPair {
  readonly newcomerId: string;
  readonly buddyId: string;
  readonly window: string;
}

export interface BuddyMatchResult {
  /** In the order the newcomers were given. */
  readonly pairs: BuddyPair[];
  /**
   * Everyone not paired, with the first reason that applies: nobody with room shares a window
   * ("no-shared-window", or "no-capacity" when no volunteer has room at all); the only volunteers
   * who share one are their manager or people they avoid ("only-manager"); or those who could
   * take them are full ("no-capacity").
   */
  readonly unmatched: { newcomerId: string; reason: BuddyUnmatchedReason }[];
}

export function matchBuddies(input: BuddyMatchInput): BuddyMatchResult {
  const { newcomers, buddies } = input;
  assertUnique(
    newcomers.map((newcomer) => newcomer.id),
    "newcomer",
  );
  assertUnique(
    buddies.map((buddy) => buddy.id),
    "buddy",
  );
  const random = seededRandom(input.seed ?? 1);

  const room = buddies.map((buddy) => Math.max(0, wholeOrZero(buddy.capacity) - wholeOrZero(buddy.current)));
  const windowsOf = buddies.map((buddy) => new Set(buddy.windows));
  const shuffledBuddies = buddies.map((_buddy, index) => index);
  shuffleInPlace(shuffledBuddies, random);
  const tieRank = new Map(shuffledBuddies.map((buddy, rank) => [buddy, rank]));

  const sharing = newcomers.map((newcomer) =>
    buddies.flatMap((buddy, index) => (buddy.id !== newcomer.id && newcomer.windows.some((w) => windowsOf[index]!.has(w)) ? [index] : [])),
  );
  const allowed = newcomers.map((newcomer, index) => {
    const excluded = new Set([...(newcomer.avoid ?? []), ...(newcomer.managerId ? [newcomer.managerId] : [])]);
    return sharing[index]!.filter((buddy) => !excluded.has(buddies[buddy]!.id));
  });
  const possible = allowed.map((list) => list.filter((buddy) => room[buddy]! > 0));

  const buddyOf = newcomers.map((): number | undefined => undefined);
  const holders = buddies.map((): number[] => []);
  const hasRoom = (buddy: number) => holders[buddy]!.length < room[buddy]!;
  const move = (newcomer: number, buddy: number) => {
    const from = buddyOf[newcomer];
    if (from !== undefined) holders[from]!.splice(holders[from]!.indexOf(newcomer), 1);
    buddyOf[newcomer] = buddy;
    holders[buddy]!.push(newcomer);
  };
  // Different team first, then least loaded, then the seeded shuffle.
  const preferred = (newcomer: number): number[] =>
    [...possible[newcomer]!].sort(
      (a, b) =>
        teamScore(newcomers[newcomer]!, buddies[a]!) - teamScore(newcomers[newcomer]!, buddies[b]!) ||
        wholeOrZero(buddies[a]!.current) + holders[a]!.length - (wholeOrZero(buddies[b]!.current) + holders[b]!.length) ||
        tieRank.get(a)! - tieRank.get(b)!,
    );
  // An augmenting path: take a full buddy if someone they hold can move to another buddy (Kuhn's
  // algorithm). Trying it once for each newcomer is enough to pair as many as possible.
  const reach = (newcomer: number, visited: Set<number>): boolean => {
    for (const buddy of preferred(newcomer)) {
      if (visited.has(buddy) || buddyOf[newcomer] === buddy) continue;
      visited.add(buddy);
      if (hasRoom(buddy) || [...holders[buddy]!].some((other) => reach(other, visited))) {
        move(newcomer, buddy);
        return true;
      }
    }
    return false;
  };

  // The newcomers with fewest possible buddies choose first, so the easy ones do not take their only option.
  const order = newcomers.map((_newcomer, index) => index);
  shuffleInPlace(order, random);
  order.sort((a, b) => possible[a]!.length - possible[b]!.length);
  for (const newcomer of order) {
    const best = preferred(newcomer).find(hasRoom);
    if (best !== undefined) move(newcomer, best);
    else if (possible[newcomer]!.length > 0) reach(newcomer, new Set());
  }

  const pairs: BuddyPair[] = [];
  const unmatched: { newcomerId: string; reason: BuddyUnmatchedReason }[] = [];
  const anyRoom = (newcomer: BuddyNewcomer) => buddies.some((buddy, index) => buddy.id !== newcomer.id && room[index]! > 0);
  newcomers.forEach((newcomer, index) => {
    const buddy = buddyOf[index];
    if (buddy !== undefined) {
      const window = newcomer.windows.find((candidate) => windowsOf[buddy]!.has(candidate))!;
      pairs.push({ newcomerId: newcomer.id, buddyId: buddies[buddy]!.id, window });
      return;
    }
    const reason: BuddyUnmatchedReason =
      sharing[index]!.length === 0
        ? anyRoom(newcomer)
          ? "no-shared-window"
          : "no-capacity"
        : allowed[index]!.length === 0
          ? "only-manager"
          : "no-capacity";
    unmatched.push({ newcomerId: newcomer.id, reason });
  });
  return { pairs, unmatched };
}

/** 0 for a buddy from another team, 1 when a team is unknown, 2 for the same team. */
function teamScore(newcomer: BuddyNewcomer, buddy: BuddyVolunteer): number {
  const a = newcomer.team?.trim().toLowerCase();
  const b = buddy.team?.trim().toLowerCase();
  if (!a || !b) return 1;
  return a === b ? 2 : 0;
}

function wholeOrZero(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function assertUnique(ids: readonly string[], label: string): void {
  if (new Set(ids).size !== ids.length) throw new RangeError(`each ${label} must be listed once`);
}
