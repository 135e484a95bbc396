import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRequestScenario, type RequestScenario } from "../support/request-scenario.js";

/**
 * Issue #13, point 7: erasing one's data withdraws one's open requests, and the supporters
 * involved must hear about it exactly as they would of an ordinary withdrawal: the claimer of a
 * taken request, and everyone on duty for one still waiting. Never with the request's words.
 */
const TAKEN_WORDS = "I keep dreading Monday mornings";
const WAITING_WORDS = "My manager shouts in meetings";

let scenario: RequestScenario;
const codes = { taken: "", waiting: "", ordinary: "" };
const withdrawalNotices = (key: string, code: string) =>
  scenario.deliveredTo(key).filter((body) => body.includes(code) && body.includes("was withdrawn"));

beforeAll(async () => {
  scenario = await startRequestScenario();
  for (const supporter of ["sam", "sky"]) expect((await scenario.say(supporter, "on duty")).status).toBe(200);
  codes.taken = await scenario.ask("mia", { text: TAKEN_WORDS, shareName: false });
  codes.waiting = await scenario.ask("mia", { text: WAITING_WORDS, shareName: true });
  codes.ordinary = await scenario.ask("max", { text: "An ordinary withdrawal", shareName: false });
  expect((await scenario.call("sam", "POST", `/api/requests/${codes.taken}/actions`, { action: "claim" })).status).toBe(200);
  expect((await scenario.call("max", "POST", `/api/requests/${codes.ordinary}/actions`, { action: "withdraw" })).status).toBe(200);
  const erased = await scenario.call("mia", "DELETE", "/api/me/data", { confirm: "erase-my-data" });
  expect(erased.status).toBe(200);
  expect(erased.json).toMatchObject({ erased: { openRequests: 2 } });
});
afterAll(async () => scenario?.stop());

describe("withdrawing requests during erasure", () => {
  it("tells the supporter who took a request that it was withdrawn", () => {
    expect(withdrawalNotices("sam", codes.taken)).toHaveLength(1);
    expect(withdrawalNotices("sky", codes.taken)).toHaveLength(0);
  });

  it("tells everyone on duty that a request still waiting was withdrawn, so nobody tries to claim it", () => {
    expect(withdrawalNotices("sam", codes.waiting)).toHaveLength(1);
    expect(withdrawalNotices("sky", codes.waiting)).toHaveLength(1);
  });

  it("tells them the same way an ordinary withdrawal does", () => {
    const said = (body: string, code: string) => ((JSON.parse(body) as { text?: string }).text ?? "").split(code).join("PC-??????");
    expect(withdrawalNotices("sky", codes.ordinary)).toHaveLength(1);
    expect(said(withdrawalNotices("sky", codes.waiting)[0]!, codes.waiting)).toBe(
      said(withdrawalNotices("sky", codes.ordinary)[0]!, codes.ordinary),
    );
  });

  it("never passes on what the person wrote", () => {
    for (const supporter of ["sam", "sky"]) {
      const notices = [...withdrawalNotices(supporter, codes.taken), ...withdrawalNotices(supporter, codes.waiting)].join("\n");
      expect(notices).not.toContain(TAKEN_WORDS);
      expect(notices).not.toContain(WAITING_WORDS);
    }
  });

  it("leaves nothing of the erased requests to claim or read", async () => {
    for (const code of [codes.taken, codes.waiting]) {
      expect((await scenario.call("sky", "POST", `/api/requests/${code}/actions`, { action: "claim" })).status).toBe(404);
      expect((await scenario.call("mia", "GET", `/api/requests/${code}`)).status).toBe(404);
    }
  });
});
