import type { CircleMember } from "./circle-instance.js";
import type { PlanState } from "./plan-state.js";

export type UnplacedReason = "no-shared-window" | "avoid-conflict";

export interface Unplaced {
  memberId: string;
  reason: UnplacedReason;
}

/**
 * The member who plainly cannot fill a group of `lo`: too few others share one of their windows
 * (or have none), or too many of those are on an avoid list either way. The one with the fewest
 * possible companions goes first, since removing them can change the group sizes for the rest.
 */
export function findBlocked(members: readonly CircleMember[], lo: number): { index: number; reason: UnplacedReason } | null {
  if (members.every((member) => !member.windows?.length && !member.avoid?.length)) return null;
  const present = new Map(members.map((member, index) => [member.id, index]));
  const avoided: number[][] = members.map(() => []);
  members.forEach((member, index) => {
    for (const other of member.avoid ?? []) {
      const target = present.get(other);
      if (target === undefined || target === index) continue;
      avoided[index]!.push(target);
      avoided[target]!.push(index);
    }
  });
  const windowSets = members.map((member) => new Set(member.windows ?? []));
  const flexible = windowSets.filter((set) => set.size === 0).length;
  const holders = new Map<string, number>();
  for (const set of windowSets) for (const window of set) holders.set(window, (holders.get(window) ?? 0) + 1);

  let worst: { index: number; reason: UnplacedReason; room: number } | null = null;
  members.forEach((_, index) => {
    const windows = windowSets[index]!;
    const partners = [...new Set(avoided[index])];
    let reachable: number;
    let room: number;
    if (windows.size === 0) {
      reachable = members.length - 1;
      room = reachable - partners.length;
    } else {
      reachable = 0;
      room = 0;
      for (const window of windows) {
        const sharing = flexible + holders.get(window)! - 1;
        const lost = partners.filter((other) => windowSets[other]!.size === 0 || windowSets[other]!.has(window)).length;
        reachable = Math.max(reachable, sharing);
        room = Math.max(room, sharing - lost);
      }
    }
    if (room + 1 >= lo) return;
    const reason: UnplacedReason = reachable + 1 < lo ? "no-shared-window" : "avoid-conflict";
    if (!worst || room <= worst.room) worst = { index, reason, room };
  });
  return worst;
}

/** After a search that could not clear a round, the member caught in the most conflicts. */
export function worstViolator(state: PlanState, round: number): { index: number; reason: UnplacedReason } {
  const { instance, slots } = state;
  const avoidHits = new Int32Array(state.n);
  const windowHits = new Int32Array(state.n);
  for (let group = 0; group < state.groups; group++) {
    const base = state.groupBase(round, group);
    const size = state.sizeOf(round, group);
    for (let i = 0; i < size; i++)
      for (let j = i + 1; j < size; j++) {
        const [a, b] = [slots[base + i]!, slots[base + j]!];
        if (!instance.avoids(a, b)) continue;
        avoidHits[a]!++;
        avoidHits[b]!++;
      }
    if (state.violation(round * state.groups + group) === 0) continue;
    let bestWindow = 0;
    let bestCount = -1;
    for (let window = 0; window < instance.windowTotal; window++) {
      let count = 0;
      for (let i = 0; i < size; i++) if (instance.hasWindow(slots[base + i]!, window)) count++;
      if (count > bestCount) [bestWindow, bestCount] = [window, count];
    }
    for (let i = 0; i < size; i++) {
      const member = slots[base + i]!;
      if (instance.windowed[member] && !instance.hasWindow(member, bestWindow)) windowHits[member]!++;
    }
  }
  let index = 0;
  for (let member = 1; member < state.n; member++)
    if (avoidHits[member]! + windowHits[member]! >= avoidHits[index]! + windowHits[index]!) index = member;
  return { index, reason: avoidHits[index]! >= windowHits[index]! && avoidHits[index]! > 0 ? "avoid-conflict" : "no-shared-window" };
}
