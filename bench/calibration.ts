import { createHash } from "node:crypto";
import { median } from "./figure.js";

const DOCUMENTS = 2_000;
const WARM_UP = 5;
const ROUNDS = 21;

/** One round of server-like work on fixed data: serialise, parse, sort and hash 2,000 request-shaped documents. */
function round(documents: object[]): number {
  const parsed = JSON.parse(JSON.stringify(documents)) as { createdAt: string; text: string }[];
  parsed.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  let checksum = 0;
  for (const document of parsed) checksum ^= createHash("sha256").update(document.text).digest()[0]!;
  return checksum;
}

/**
 * The calibration loop for timings with no natural baseline (issue #16): the machine's speed at the
 * moment of the run, in ms per round, measured in the bench's own process just before the timing it
 * scales. Targets are multiples of it, set from the old absolute targets over this loop's time on
 * the machine those targets were met on (see docs/performance.md).
 */
export function calibrationMs(): number {
  const documents = Array.from({ length: DOCUMENTS }, (_, index) => ({
    kind: "helpRequest",
    referenceCode: `PC-${String(index).padStart(6, "0")}`,
    createdAt: new Date(1_700_000_000_000 + ((index * 7_919) % DOCUMENTS) * 60_000).toISOString(),
    status: ["open", "claimed", "resolved"][index % 3],
    text: `A few words about what is going on, number ${index}, as a member might write them in the form.`,
  }));
  for (let index = 0; index < WARM_UP; index++) round(documents);
  const times: number[] = [];
  for (let index = 0; index < ROUNDS; index++) {
    const started = performance.now();
    round(documents);
    times.push(performance.now() - started);
  }
  return median(times);
}
