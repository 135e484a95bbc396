import { describe, expect, it } from "vitest";
import { TAB_MESSAGES_DE } from "../i18n/de.js";
import { messagesFor, TAB_MESSAGES_EN } from "../i18n/messages.js";
import { errorWords } from "./error-text.js";

/** Shaped as api-client's ApiError (which this project's Node tests cannot import: it reaches for the DOM). */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const english = messagesFor("en", TAB_MESSAGES_EN);

describe("how a failure is put to people", () => {
  it("never passes on the browser's own words", () => {
    for (const error of [
      new TypeError("Failed to fetch"),
      new TypeError("NetworkError when attempting to fetch resource."),
      new TypeError("Failed to fetch dynamically imported module: http://x/assets/queue-page.js"),
      new ApiError(0, "network", ""),
    ])
      expect(english.errorText(error), String(error)).toBe(TAB_MESSAGES_EN.errorNetwork);
    for (const error of [new TypeError("Cannot read properties of undefined (reading 'roles')"), new Error("boom"), "a string", null])
      expect(english.errorText(error), String(error)).toBe(TAB_MESSAGES_EN.errorUnexpected);
  });

  it("says a busy store is busy, not that the connection failed", () => {
    for (const error of [new ApiError(503, "store_unavailable", "Storage is not reachable"), new ApiError(503, "store_timeout", "slow")]) {
      expect(english.errorText(error)).toBe(TAB_MESSAGES_EN.errorBusy);
      expect(english.errorText(error)).not.toMatch(/connection/i);
    }
  });

  it("maps each kind of refusal to its catalogue message, in the viewer's language", () => {
    const german = messagesFor("de", TAB_MESSAGES_DE);
    expect(errorWords(new ApiError(401, "unauthenticated", "Please sign in."))).toEqual({ key: "errorSignIn" });
    expect(errorWords(new ApiError(403, "forbidden", "You do not have access"))).toEqual({ key: "errorNoAccess" });
    expect(errorWords(new ApiError(429, "rate_limited", "You are doing that a lot"))).toEqual({ key: "errorRateLimited" });
    expect(errorWords(new ApiError(500, "internal", "Something went wrong"))).toEqual({ key: "errorServer" });
    expect(errorWords(new ApiError(404, "not_found", "There is nothing at this address."))).toEqual({ key: "errorNotFound" });
    expect(german.errorText(new ApiError(503, "store_unavailable", "Storage is not reachable"))).toBe(TAB_MESSAGES_DE.errorBusy);
    // A load's failure keeps only status, code and message; it is told the same way.
    expect(english.errorText({ status: 503, code: "store_timeout", message: "slow" })).toBe(TAB_MESSAGES_EN.errorBusy);
  });

  it("keeps the server's words about this very action, and one plain sentence when there are none", () => {
    expect(english.errorText(new ApiError(409, "conflict", "Someone else changed this at the same time."))).toBe(
      "Someone else changed this at the same time.",
    );
    expect(english.errorText(new ApiError(400, "bad_request", ""))).toBe(TAB_MESSAGES_EN.errorUnexpected);
  });
});
