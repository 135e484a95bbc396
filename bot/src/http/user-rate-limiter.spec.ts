import { describe, expect, it } from "vitest";
import { UserRateLimiter } from "./user-rate-limiter.js";

describe("UserRateLimiter", () => {
  it("allows a minute's calls at once, then asks the person to wait, and refills over time", () => {
    let now = 0;
    const limiter = new UserRateLimiter(60, () => now);
    for (let call = 0; call < 60; call++) expect(limiter.take("t", "ann")).toBe(0);
    const wait = limiter.take("t", "ann");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1);
    now += 1_000;
    expect(limiter.take("t", "ann")).toBe(0);
    expect(limiter.take("t", "ann")).toBeGreaterThan(0);
  });

  it("keeps each person's allowance separate, also across tenants", () => {
    const limiter = new UserRateLimiter(2, () => 0);
    limiter.take("t", "ann");
    limiter.take("t", "ann");
    expect(limiter.take("t", "ann")).toBeGreaterThan(0);
    expect(limiter.take("t", "bo")).toBe(0);
    expect(limiter.take("other", "ann")).toBe(0);
  });
});
