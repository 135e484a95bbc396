import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
const tokens: Record<string, string> = {};

async function call(user: string, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of ["mia", "max"]) tokens[user] = await devToken(server, user);
  expect((await call("mia", "PUT", "/api/me/preferences", { theme: "dark" })).status).toBe(200);
  expect((await call("max", "PUT", "/api/me/preferences", { theme: "contrast" })).status).toBe(200);
});
afterAll(async () => server?.stop());

describe("my data over the API", () => {
  it("downloads the caller's own data as a JSON file", async () => {
    const response = await call("mia", "GET", "/api/me/data");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="peer-circles-my-data.json"');
    const data = (await response.json()) as { userId: string; preferences: { theme: string } };
    expect(data.preferences.theme).toBe("dark");
    expect(JSON.stringify(data)).not.toContain("contrast");
  });

  it("says what erasing would remove, and erases only on an explicit confirmation", async () => {
    expect(await (await call("mia", "GET", "/api/me/data/erasure")).json()).toMatchObject({ settings: 1, openRequests: 0 });
    expect((await call("mia", "DELETE", "/api/me/data", {})).status).toBe(400);
    expect((await call("mia", "DELETE", "/api/me/data", { confirm: "yes" })).status).toBe(400);
    const erased = await call("mia", "DELETE", "/api/me/data", { confirm: "erase-my-data" });
    expect(erased.status).toBe(200);
    expect(((await erased.json()) as { erased: { settings: number } }).erased.settings).toBe(1);
    expect(((await (await call("mia", "GET", "/api/me/data")).json()) as { preferences: unknown }).preferences).toBeNull();
    expect(((await (await call("max", "GET", "/api/me/data")).json()) as { preferences: { theme: string } }).preferences.theme).toBe(
      "contrast",
    );
  });
});
