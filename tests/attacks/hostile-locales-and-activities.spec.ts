import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_MESSAGES_EN } from "../../bot/src/bot/bot-messages.js";
import { BOT_MESSAGES_DE } from "../../bot/src/bot/bot-messages.de.js";
import { startRequestScenario, type RequestScenario } from "../support/request-scenario.js";

/**
 * Found by a black-box review: a locale named like an Object.prototype member ("constructor") was
 * looked up on a plain object, so the crisis screen threw, the tab's request answered 500 with no
 * crisis flag and the bot said "something went wrong" instead of sending the emergency lines.
 * Safety rule 3 holds whatever the locale says. Malformed bot bodies get the app's 400, not a 500.
 */
const CRISIS_WORDS = "i want to kill myself tonight";
const HOSTILE_LOCALES = ["constructor", "Constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", "de-constructor"];

let scenario: RequestScenario;
beforeAll(async () => {
  scenario = await startRequestScenario();
});
afterAll(async () => scenario?.stop());

describe("a locale named like an object's own members", () => {
  it.each(HOSTILE_LOCALES)("stores a crisis request from the tab and flags it as crisis (locale %s)", async (locale) => {
    const created = await scenario.call("mia", "POST", "/api/requests", {
      form: { category: "other", urgency: "soon", preference: "any", contact: "chat", text: CRISIS_WORDS, shareName: false },
      submissionId: `hostile-locale-${locale.replace(/[^A-Za-z0-9]/g, "")}-0001`,
      locale,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ crisis: true, request: { crisis: true } });
  });

  it.each(HOSTILE_LOCALES)("still sends the emergency lines first in the bot's chat (locale %s)", async (locale) => {
    const before = scenario.deliveredTo("max").length;
    const answer = await scenario.send("max", { type: "message", text: CRISIS_WORDS, locale });
    expect(answer.status).toBe(200);
    const replies = scenario.deliveredTo("max").slice(before);
    expect(replies.length).toBeGreaterThan(0);
    // "de-constructor" is German, with an odd region: the German block.
    const title = locale.startsWith("de-") ? BOT_MESSAGES_DE.emergencyTitle : BOT_MESSAGES_EN.emergencyTitle;
    expect(replies[0]).toContain(title);
    expect(replies.join("\n")).not.toContain("something went wrong");
  });
});

describe("malformed bodies on the bot endpoint", () => {
  const bodies: [string, string][] = [
    ["an empty object", "{}"],
    ["a numeric type", '{"type":5}'],
    ["an array", "[]"],
    ["null", "null"],
    ["nothing", ""],
    ["a string", '"message"'],
    ["a message with no sender", '{"type":"message","text":"hi","channelId":"msteams"}'],
    ["a message whose sender is a number", '{"type":"message","text":"hi","from":7,"conversation":{"id":"x"},"recipient":{"id":"y"}}'],
  ];
  it.each(bodies)("answers %s with the app's own 400, never a 500 or the framework's words", async (_label, body) => {
    const answer = await scenario.postRaw(body);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json).toMatchObject({ code: "bad_request" });
    expect(answer.text).not.toMatch(/req\.body|middleware|stack|at \w+ \(/i);
  });
});
