import { describe, expect, it } from "vitest";
import { reconnectDelayMs } from "./reconnect-delay.js";

describe("the huddle stream's reconnect delay", () => {
  it("doubles with each failure up to 15 s, drawn from the upper half so panels spread out", () => {
    expect([1, 2, 3, 4].map((failures) => reconnectDelayMs(failures, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(reconnectDelayMs(3, () => 0)).toBe(1000);
    expect(reconnectDelayMs(50, () => 1)).toBe(15_000);
    expect(reconnectDelayMs(50, () => 0)).toBe(7_500);
    const spread = new Set(Array.from({ length: 20 }, () => reconnectDelayMs(4)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
