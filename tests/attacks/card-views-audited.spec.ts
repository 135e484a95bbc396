import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRequestScenario, type RequestScenario } from "../support/request-scenario.js";

/**
 * Found by a black-box review: the bot's claimed-request card shows the supporter the requester's
 * words, and Teams refreshes it each time the supporter's client shows it, but only views through
 * the tab reached the requester's trail. PRODUCT.md: every view of a request is on its trail.
 */
let scenario: RequestScenario;
let code: string;

const supporterViews = async () => {
  const answer = await scenario.call("mia", "GET", `/api/requests/${code}`);
  expect(answer.status).toBe(200);
  const { audit } = answer.json as { audit: { action: string; by: string }[] };
  return audit.filter((entry) => entry.action === "view" && entry.by !== "you").length;
};

beforeAll(async () => {
  scenario = await startRequestScenario();
  expect((await scenario.say("sam", "on duty")).status).toBe(200);
  code = await scenario.ask("mia", { text: "My shifts are wearing me down", shareName: false });
});
afterAll(async () => scenario?.stop());

describe("views of a request through the bot's cards", () => {
  it("puts the claim card's showing of the words on the requester's trail", async () => {
    expect(await supporterViews()).toBe(0);
    const claimed = await scenario.press("sam", "claimRequest", { code });
    expect(claimed.status).toBe(200);
    expect(claimed.text).toContain("My shifts are wearing me down");
    expect(await supporterViews()).toBe(1);
  });

  it("puts every refresh of the claimed card on the trail", async () => {
    for (let refresh = 0; refresh < 2; refresh += 1) {
      const card = await scenario.press("sam", "refreshRequestCard", { code });
      expect(card.text).toContain("My shifts are wearing me down");
    }
    expect(await supporterViews()).toBe(3);
  });

  it("records nothing for a supporter who only sees the wordless summary", async () => {
    const summary = await scenario.press("sky", "refreshRequestCard", { code });
    expect(summary.status).toBe(200);
    expect(summary.text).not.toContain("My shifts are wearing me down");
    expect(await supporterViews()).toBe(3);
  });
});
