/**
 * How many circles to make and how big. When the head count cannot be split into groups of
 * min..max, the split with the smallest overshoot per group wins (then the smallest overshoot in
 * total); on a tie, groups one or two above max are preferred to groups below min, because an
 * extra member still meets everyone while an undersized circle leaves people with too few peers.
 */
export interface SizeNote {
  code: "groups-enlarged" | "groups-undersized" | "too-few-members";
  message: string;
}

export interface GroupSizePlan {
  /** Balanced target size of each group, largest first. */
  sizes: number[];
  /** Bounds a group may take during the search; wider than min..max only when the note says so. */
  lo: number;
  hi: number;
  note?: SizeNote;
}

function balanced(count: number, groups: number): number[] {
  const base = Math.floor(count / groups);
  const larger = count % groups;
  return Array.from({ length: groups }, (_, index) => (index < larger ? base + 1 : base));
}

function describe(sizes: number[]): string {
  const tally = new Map<number, number>();
  for (const size of sizes) tally.set(size, (tally.get(size) ?? 0) + 1);
  const parts = [...tally].map(([size, times]) => (times === 1 ? `one group of ${size}` : `${times} groups of ${size}`));
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)!}` : (parts[0] ?? "no groups");
}

function range(min: number, max: number): string {
  return min === max ? `exactly ${min}` : `${min}–${max}`;
}

export function planGroupSizes(count: number, min: number, max: number): GroupSizePlan {
  if (count === 0) return { sizes: [], lo: min, hi: max };
  const fewest = Math.ceil(count / max);
  const most = Math.floor(count / min);
  if (fewest <= most) {
    // Sizes near the middle of the range keep circles intimate without many tiny ones. A second
    // fresh round needs each group to draw from as many groups of the first, so a group may not
    // outnumber the groups: take more, smaller groups when the range allows.
    const preferred = Math.min(most, Math.max(fewest, Math.round(count / ((min + max) / 2))));
    let groups = preferred;
    while (groups < most && Math.ceil(count / groups) > groups) groups++;
    if (Math.ceil(count / groups) > groups) groups = preferred;
    return { sizes: balanced(count, groups), lo: min, hi: max };
  }
  const people = count === 1 ? "1 member" : `${count} members`;
  if (count < min) {
    const sizes = [count];
    return {
      sizes,
      lo: count,
      hi: max,
      note: {
        code: "too-few-members",
        message: `${people} cannot form a group of ${range(min, max)}; made ${describe(sizes)}.`,
      },
    };
  }
  const enlarged = balanced(count, Math.floor(count / max));
  const undersized = balanced(count, Math.floor(count / max) + 1);
  const overshoot = (sizes: number[]) => sizes.map((size) => (size > max ? size - max : size < min ? min - size : 0));
  const [over, under] = [overshoot(enlarged), overshoot(undersized)];
  const worse = (a: number[], b: number[]) =>
    Math.max(...a) - Math.max(...b) || a.reduce((sum, value) => sum + value, 0) - b.reduce((sum, value) => sum + value, 0);
  const useEnlarged = worse(over, under) <= 0;
  const sizes = useEnlarged ? enlarged : undersized;
  return {
    sizes,
    lo: Math.min(min, ...sizes),
    hi: Math.max(max, ...sizes),
    note: {
      code: useEnlarged ? "groups-enlarged" : "groups-undersized",
      message: `${people} cannot be split into groups of ${range(min, max)}; made ${describe(sizes)}.`,
    },
  };
}
