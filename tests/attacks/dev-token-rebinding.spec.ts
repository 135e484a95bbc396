import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Found by a black-box review: in development identity mode /api/dev/token gave a programme admin's
 * token to a request naming any Host. A page on a domain that its owner points at 127.0.0.1 (DNS
 * rebinding) is same-origin with the server and could have read it. Only localhost names and IP
 * addresses, which no rebinding page can be served from, get sample tokens.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
});
afterAll(async () => server?.stop());

function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const sent = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { Host: host } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on("error", reject);
    sent.end();
  });
}

describe("sample sign-in and DNS rebinding", () => {
  const port = () => new URL(server.url).port;
  it.each(["attacker.example", "127.0.0.1.nip.io", "localhost.attacker.example", "rebind.me"])(
    "refuses a page served from %s",
    async (name) => {
      for (const path of ["/api/dev/token?user=ada", "/api/dev/identities"]) {
        const answer = await getWithHost(path, `${name}:${port()}`);
        expect(answer.status, path).toBe(403);
        expect(answer.body).not.toContain('token":');
      }
    },
  );

  it.each(["localhost", "127.0.0.1", "[::1]", "tab.localhost"])("still signs in the tab opened at %s", async (name) => {
    const answer = await getWithHost("/api/dev/token?user=mia", `${name}:${port()}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty("token");
  });
});
