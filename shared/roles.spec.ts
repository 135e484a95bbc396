import { describe, expect, it } from "vitest";
import { effectiveRoles, hasRole, isRole } from "./roles.js";

describe("roles", () => {
  it("makes everyone a member", () => {
    expect(effectiveRoles([], false)).toEqual(["member"]);
  });

  it("adds admin for bootstrap admins and keeps a stable order without duplicates", () => {
    expect(effectiveRoles(["admin", "supporter", "supporter"], true)).toEqual(["member", "supporter", "admin"]);
    expect(effectiveRoles(["facilitator"], true)).toEqual(["member", "facilitator", "admin"]);
  });

  it("checks roles exactly", () => {
    expect(hasRole(["member", "supporter"], "supporter")).toBe(true);
    expect(hasRole(["member"], "admin")).toBe(false);
    expect(isRole("admin")).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
