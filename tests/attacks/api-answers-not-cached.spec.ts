import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Found by a black-box review: answers with people's words (a request, the export of My data) came
 * with an ETag and no Cache-Control, so a browser could keep them on disk on a shared machine.
 * Every /api answer, success or refusal, says no-store.
 */
let server: TestServer;
let token: string;
let code: string;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  token = await devToken(server, "mia");
  const created = await fetch(`${server.url}/api/requests`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      form: { category: "workload", urgency: "soon", preference: "any", contact: "chat", text: "My rota is too much", shareName: false },
      submissionId: "no-store-check-0000001",
    }),
  });
  expect(created.status).toBe(201);
  code = ((await created.json()) as { request: { referenceCode: string } }).request.referenceCode;
});
afterAll(async () => server?.stop());

describe("what the API answers is never cached", () => {
  const paths = () => [
    "/api/me",
    "/api/requests/mine",
    `/api/requests/${code}`,
    "/api/me/data",
    "/api/resources",
    "/api/requests/PC-ZZZZZZ",
  ];
  it("says no-store on every answer to a signed-in person", async () => {
    for (const path of paths()) {
      const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("says no-store on refusals too", async () => {
    for (const path of paths()) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(401);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });
});
