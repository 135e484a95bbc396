import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closePulse, newPulse, pulseAnswerCount, pulseDistribution, recordPulseAnswer, type PulseState } from "./pulse.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

function answer(state: PulseState, key: string, level: number): PulseState {
  const result = recordPulseAnswer(state, key, level);
  if (!result.ok) throw new Error(result.refusal);
  return result.state;
}

describe("pulse check", () => {
  it("reveals nothing with fewer than three answers", () => {
    let pulse = newPulse("pulse");
    pulse = answer(pulse, "hash-a", 4);
    pulse = answer(pulse, "hash-b", 2);
    expect(pulseDistribution(pulse)).toBeUndefined();
    expect(closePulse(pulse)).toEqual({ stepId: "pulse", withheld: true });
  });

  it("shows the distribution from three answers on", () => {
    let pulse = newPulse("pulse");
    for (const [key, level] of [
      ["a", 4],
      ["b", 2],
      ["c", 4],
    ] as const)
      pulse = answer(pulse, key, level);
    expect(pulseDistribution(pulse)).toEqual({ 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 });
    expect(closePulse(pulse)).toEqual({ stepId: "pulse", counts: { 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 } });
  });

  it("refuses a second vote from the same person and levels outside 1–5", () => {
    const pulse = answer(newPulse("pulse"), "hash-a", 3);
    expect(recordPulseAnswer(pulse, "hash-a", 5)).toEqual({ ok: false, refusal: "already_answered" });
    expect(recordPulseAnswer(pulse, "hash-b", 0)).toEqual({ ok: false, refusal: "invalid_level" });
    expect(recordPulseAnswer(pulse, "hash-b", 2.5)).toEqual({ ok: false, refusal: "invalid_level" });
  });

  it("keeps nothing that links a person to a level", () => {
    const pulse = answer(answer(answer(newPulse("pulse"), "x", 1), "y", 5), "z", 3);
    const kept = closePulse(pulse);
    expect(JSON.stringify(kept)).not.toMatch(/"x"|"y"|"z"/);
  });

  it("counts each distinct person exactly once, whatever the order of answers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.integer({ min: 1, max: 5 })), { maxLength: 40 }),
        (answers) => {
          let pulse = newPulse("pulse");
          for (const [key, level] of answers) {
            const result = recordPulseAnswer(pulse, key, level);
            if (result.ok) pulse = result.state;
          }
          const distinct = new Set(answers.map(([key]) => key)).size;
          expect(pulseAnswerCount(pulse)).toBe(distinct);
          expect(pulseDistribution(pulse) === undefined).toBe(distinct < 3);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});
