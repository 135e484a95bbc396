import { describe, expect, it } from "vitest";
import { referenceCodeFrom, requestFormSchema } from "./help-request.js";

const valid = { category: "workload", urgency: "soon", preference: "any", contact: "chat", text: "Too much on", shareName: "false" };

describe("request form", () => {
  it("accepts a card submission and turns the toggle into a boolean", () => {
    expect(requestFormSchema.parse(valid)).toEqual({ ...valid, shareName: false });
    expect(requestFormSchema.parse({ ...valid, shareName: true, text: undefined })).toMatchObject({ shareName: true });
  });

  it.each([
    { ...valid, category: "gossip" },
    { ...valid, urgency: "crisis" },
    { ...valid, contact: "carrier pigeon" },
    { ...valid, shareName: "maybe" },
    { ...valid, text: "x".repeat(2001) },
    { ...valid, requesterId: "someone-else" },
    { ...valid, preference: "specific" },
    {},
  ])("refuses %j", (input) => {
    expect(requestFormSchema.safeParse(input).success).toBe(false);
  });

  it("makes readable reference codes", () => {
    expect(referenceCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5]))).toBe("PC-234567");
    expect(referenceCodeFrom(new Uint8Array([255, 254, 253, 252, 251, 250]))).toMatch(/^PC-[2-9A-HJKMNP-Z]{6}$/);
    expect(() => referenceCodeFrom(new Uint8Array(3))).toThrow(RangeError);
  });
});
