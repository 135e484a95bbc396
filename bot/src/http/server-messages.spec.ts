import { describe, expect, it } from "vitest";
import { SERVER_CATALOGUES, SERVER_MESSAGES_EN, serverMessage, type ServerMessageKey } from "./server-messages.js";

const keys = Object.keys(SERVER_MESSAGES_EN) as ServerMessageKey[];

describe("server messages", () => {
  it("has words for every key, written as a sentence for people", () => {
    for (const key of keys) expect(SERVER_MESSAGES_EN[key], key).toMatch(/^[A-Z"].*[.]$/s);
  });

  it("has the same keys in every catalogue, so a new locale cannot leave a gap", () => {
    for (const catalogue of Object.values(SERVER_CATALOGUES)) expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
  });

  it("fills slots with the values given and leaves a slot without a value visible", () => {
    expect(serverMessage("invalidField", { field: "meetingId", reason: "is required" })).toBe(
      'The field "meetingId" is not valid: is required.',
    );
    expect(serverMessage("insightsRangeTooLong", {})).toContain("{weeks}");
  });

  it("does not read slots out of the values themselves", () => {
    // A zod message quoting "{field}" must not be expanded a second time.
    expect(serverMessage("invalidField", { field: "a", reason: "{field}" })).toBe('The field "a" is not valid: {field}.');
  });

  it("answers in English for a locale it has no catalogue for", () => {
    expect(serverMessage("signInNeeded", {}, "fr")).toBe("Please sign in.");
  });
});
