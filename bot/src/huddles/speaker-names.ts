import { opaqueKey, type HuddleSession } from "./huddle-wire.js";

/** A meeting participant's display name, as Teams gives it; undefined when Teams does not say. */
export type NameOf = (userId: string) => Promise<string | undefined>;

/**
 * A new round's names, by opaque key: only of its speakers, who are connected meeting participants,
 * so the names on the wire are of people everyone in the meeting already sees. A name Teams does
 * not give is left out, and the panel says "Speaker 2 of 4" for that one.
 */
export async function roundNames(
  session: Pick<HuddleSession, "secret" | "clock">,
  speakers: readonly string[],
  connected: readonly string[],
  nameOf: NameOf | undefined,
): Promise<Record<string, string> | undefined> {
  if (!nameOf || speakers.length === 0) return undefined;
  const inRound = new Set(speakers);
  const named = await Promise.all(
    connected
      .map((userId) => [opaqueKey(session, userId), userId] as const)
      .filter(([key]) => inRound.has(key))
      .map(async ([key, userId]) => [key, await nameOf(userId).catch(() => undefined)] as const),
  );
  const names = Object.fromEntries(named.filter((entry): entry is readonly [string, string] => Boolean(entry[1])));
  return Object.keys(names).length ? names : undefined;
}
