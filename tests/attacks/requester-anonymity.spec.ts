import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markersIn, samplePerson, startRequestScenario, type RequestScenario } from "../support/request-scenario.js";

/**
 * Issue #13, point 3: an anonymous request hides each side from the other everywhere. Mia asks
 * anonymously through the bot; Sam takes it. Everything either of them receives afterwards (API
 * answers, their export, the bot's cards and messages) is searched for the other's id, name and
 * sign-in address.
 */
const MIA = samplePerson("mia");
const SAM = samplePerson("sam");
const WORDS = "The night shifts are grinding me down";

let scenario: RequestScenario;
let code = "";
/** What each of them was shown, in order, labelled by where it came from. */
const seenBy: Record<"mia" | "sam", { where: string; text: string }[]> = { mia: [], sam: [] };

function sees(who: "mia" | "sam", where: string, answer: { status: number; text: string }) {
  expect(answer.status, `${where}: ${answer.text}`).toBeLessThan(300);
  seenBy[who].push({ where, text: answer.text });
  return answer;
}

/** Every place where one of `person`'s markers showed up, so a failure lists them all at once. */
function leaks(seen: { where: string; text: string }[], person: typeof MIA): string[] {
  return seen.flatMap(({ where, text }) => markersIn(text, person).map((marker) => `${where}: ${marker}`));
}

beforeAll(async () => {
  scenario = await startRequestScenario();
  sees("sam", "bot: on duty", await scenario.say("sam", "on duty"));
  code = await scenario.ask("mia", { text: WORDS, shareName: false });

  // Sam claims from the bot's card, writes through the bot, and moves the request on in the tab.
  sees("sam", "bot: claim card", await scenario.press("sam", "claimRequest", { code }));
  sees("sam", "bot: relay", await scenario.press("sam", "relayMessage", { code, message: "Hello, I'm here to listen." }));
  sees("mia", "bot: relay", await scenario.press("mia", "relayMessage", { code, message: "Thank you, tomorrow works." }));
  sees(
    "sam",
    "api: start conversation",
    await scenario.call("sam", "POST", `/api/requests/${code}/actions`, { action: "start_conversation" }),
  );
  sees("mia", "api: message", await scenario.call("mia", "POST", `/api/requests/${code}/messages`, { message: "See you then." }));
  sees("sam", "api: message", await scenario.call("sam", "POST", `/api/requests/${code}/messages`, { message: "Good." }));

  sees("mia", "api: request", await scenario.call("mia", "GET", `/api/requests/${code}`));
  sees("mia", "api: my requests", await scenario.call("mia", "GET", "/api/requests/mine"));
  sees("mia", "api: my data", await scenario.call("mia", "GET", "/api/me/data"));
  sees("mia", "bot: my requests", await scenario.say("mia", "my requests"));
  sees("mia", "bot: details card", await scenario.press("mia", "requestDetails", { code }));

  sees("sam", "api: request", await scenario.call("sam", "GET", `/api/requests/${code}`));
  sees("sam", "api: queue", await scenario.call("sam", "GET", "/api/requests/queue"));
  sees("sam", "api: my data", await scenario.call("sam", "GET", "/api/me/data"));
  sees("sam", "bot: refreshed card", await scenario.press("sam", "refreshRequestCard", { code }));
  sees("sam", "bot: queue", await scenario.say("sam", "queue"));
});
afterAll(async () => scenario?.stop());

describe("an anonymous request, seen from the requester's side", () => {
  it("the bot tells her that a peer supporter took it, never who", () => {
    const delivered = scenario.deliveredTo("mia");
    expect(delivered.join("\n")).toContain(`a peer supporter has taken your request ${code}`);
    expect(delivered.join("\n")).toContain("Your peer supporter wrote:");
    for (const body of delivered) expect(markersIn(body, SAM), body).toEqual([]);
  });

  it("no API answer, export or card she is shown names the supporter", () => {
    expect(leaks(seenBy.mia, SAM)).toEqual([]);
  });

  it("her own view still shows what happened and that a supporter did it", async () => {
    const view = (await scenario.call("mia", "GET", `/api/requests/${code}`)).json as {
      request: { text: string; anonymous: boolean };
      audit: { action: string; by: string }[];
    };
    expect(view.request).toMatchObject({ text: WORDS, anonymous: true });
    expect(view.audit.find((entry) => entry.action === "claim")?.by).toBe("peer_supporter");
    expect(view.audit.find((entry) => entry.action === "created")?.by).toBe("you");
  });
});

describe("an anonymous request, seen from the supporter's side", () => {
  it("no API answer, export, card or relayed message he is shown identifies the requester", () => {
    expect(leaks(seenBy.sam, MIA)).toEqual([]);
    for (const body of scenario.deliveredTo("sam")) expect(markersIn(body, MIA), body).toEqual([]);
  });

  it("he still gets what he needs to help: the words, the contact method and the conversation", () => {
    const claimCard = seenBy.sam.find((seen) => seen.where === "bot: claim card")!.text;
    expect(claimCard).toContain(WORDS);
    expect(scenario.deliveredTo("sam").join("\n")).toContain(`Requester ${code} wrote:`);
  });
});
