import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePerson, startRequestScenario, type RequestScenario } from "../support/request-scenario.js";

/**
 * Found by a black-box review: a requester who asked for one supporter by name, and shared their
 * name with them, had that name shown to whichever other supporter claimed first. A name shared
 * with a chosen supporter is for them alone; anyone else meets an anonymous requester, and, the
 * other way round, the requester is not told that other supporter's name.
 */
const NAME = samplePerson("mia").name;
let scenario: RequestScenario;

async function askForSky(submissionId: string): Promise<string> {
  const created = await scenario.call("mia", "POST", "/api/requests", {
    form: {
      category: "conflict",
      urgency: "soon",
      preference: "specific",
      preferredSupporterId: samplePerson("sky").userId,
      contact: "chat",
      text: "Only for the colleague I chose",
      shareName: true,
    },
    submissionId,
  });
  expect(created.status, created.text).toBe(201);
  return (created.json as { request: { referenceCode: string } }).request.referenceCode;
}

beforeAll(async () => {
  scenario = await startRequestScenario();
  for (const supporter of ["sam", "sky"]) {
    expect((await scenario.say(supporter, "on duty")).status).toBe(200);
    // Named in the form only once they choose to be.
    expect((await scenario.say(supporter, "list me")).status).toBe(200);
  }
  // Mia's chat with the bot, so the bot can tell her who took her request.
  expect((await scenario.say("mia", "hello")).status).toBe(200);
});
afterAll(async () => scenario?.stop());

describe("a name shared with a chosen supporter", () => {
  it("is not shown to another supporter who claims the request, in the tab or the bot's card", async () => {
    const code = await askForSky("chosen-name-other-claims-1");
    const card = await scenario.press("sam", "claimRequest", { code });
    expect(card.status).toBe(200);
    expect(card.text).toContain("Only for the colleague I chose");
    expect(card.text).not.toContain(NAME);
    const view = await scenario.call("sam", "GET", `/api/requests/${code}`);
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ request: { anonymous: true } });
    expect(view.text).not.toContain(NAME);
  });

  it("keeps the other supporter's name from the requester too", async () => {
    const code = await askForSky("chosen-name-other-claims-2");
    expect((await scenario.call("sam", "POST", `/api/requests/${code}/actions`, { action: "claim" })).status).toBe(200);
    const mine = await scenario.call("mia", "GET", `/api/requests/${code}`);
    expect(mine.json).not.toHaveProperty("request.claimedBy");
    const told = scenario.deliveredTo("mia").filter((body) => body.includes(code));
    expect(told.length).toBeGreaterThan(0);
    expect(told.join("\n")).not.toContain(samplePerson("sam").name);
  });

  it("is shown to the supporter it was shared with", async () => {
    const code = await askForSky("chosen-name-sky-claims-3");
    const card = await scenario.press("sky", "claimRequest", { code });
    expect(card.text).toContain(NAME);
    const view = await scenario.call("sky", "GET", `/api/requests/${code}`);
    expect(view.json).toMatchObject({ request: { anonymous: false, requesterName: NAME } });
  });
});
