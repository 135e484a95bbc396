/**
 * NTP-style offset between this computer's clock and the server's: several round trips, keeping
 * the sample with the smallest round trip, whose midpoint is the best estimate.
 */
export async function estimateServerOffset(fetchServerNow: () => Promise<number>, samples = 5): Promise<number> {
  let best: { roundTrip: number; offset: number } | undefined;
  for (let index = 0; index < samples; index++) {
    const sent = Date.now();
    const serverNow = await fetchServerNow();
    const received = Date.now();
    const roundTrip = received - sent;
    const offset = serverNow - (sent + roundTrip / 2);
    if (!best || roundTrip < best.roundTrip) best = { roundTrip, offset };
  }
  return best?.offset ?? 0;
}
