import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { StoreUnavailableError } from "../../bot/src/storage/store-errors.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

describe("headers", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ AUTH_MODE: "dev" });
  });
  afterAll(async () => server?.stop());

  it("lets only Teams and Microsoft 365 hosts (and localhost in development) frame the tab", async () => {
    const response = await fetch(`${server.url}/meeting/side-panel`);
    const policy = response.headers.get("content-security-policy") ?? "";
    const ancestors = /frame-ancestors ([^;]+)/.exec(policy)?.[1]?.split(" ") ?? [];
    expect(ancestors).toEqual([
      "'self'",
      "https://teams.microsoft.com",
      "https://*.teams.microsoft.com",
      "https://*.cloud.microsoft",
      "https://*.office.com",
      "https://outlook.office.com",
      "https://*.skype.com",
      "http://localhost:*",
      "http://127.0.0.1:*",
    ]);
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps the API unframeable and sends no CORS grant to another origin", async () => {
    const response = await fetch(`${server.url}/api/me`, { headers: { Origin: "https://evil.example.com" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const preflight = await fetch(`${server.url}/api/me`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example.com", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers the probes", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "ready", store: "embedded" });
  });
});

describe("production", () => {
  it("drops localhost from frame-ancestors", async () => {
    const server = await startTestServer({
      NODE_ENV: "production",
      AAD_APP_CLIENT_ID: "3f0c1e7a-1111-4222-8333-444455556666",
      BOT_ID: "6a1f4a3e-0000-4000-8000-00000000b001",
      BOT_PASSWORD: "not-a-real-secret",
    });
    try {
      const policy = (await fetch(`${server.url}/personal/home`)).headers.get("content-security-policy") ?? "";
      expect(policy).not.toContain("localhost");
      expect((await fetch(`${server.url}/api/dev/token?user=ada`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe("when the store is unreachable", () => {
  it("reports not ready with 503 and Retry-After, while /healthz stays 200", async () => {
    let reachable = true;
    const server = await startTestServer({ AUTH_MODE: "dev" }, undefined, (store) =>
      Object.assign(Object.create(store) as DocumentStore, {
        ping: () => (reachable ? store.ping() : Promise.reject(new StoreUnavailableError())),
        get: (...args: Parameters<DocumentStore["get"]>) => (reachable ? store.get(...args) : Promise.reject(new StoreUnavailableError())),
        close: () => store.close(),
      }),
    );
    try {
      const token = await devToken(server, "mia");
      reachable = false;
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      const write = await fetch(`${server.url}/api/me/preferences`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: "{}",
      });
      expect(write.status).toBe(503);
      expect(write.headers.get("retry-after")).toBe("5");
      expect(await write.json()).toMatchObject({ code: "store_unavailable" });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      reachable = true;
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe("graceful shutdown", () => {
  it("finishes a request in flight, refuses new ones, then closes the store", async () => {
    let closed = false;
    let slowReadStarted = false;
    const server = await startTestServer({ AUTH_MODE: "dev" }, undefined, (store) =>
      Object.assign(Object.create(store) as DocumentStore, {
        get: async (...args: Parameters<DocumentStore["get"]>) => {
          if (args[2].startsWith("prefs-")) {
            slowReadStarted = true;
            await delay(400);
          }
          return store.get(...args);
        },
        close: async () => {
          await store.close();
          closed = true;
        },
      }),
    );
    const token = await devToken(server, "mia");
    const inFlight = fetch(`${server.url}/api/me/preferences`, { headers: { Authorization: `Bearer ${token}`, Connection: "close" } });
    // Stop only once the request is inside the server, waiting on the deliberately slow read.
    await expect.poll(() => slowReadStarted, { timeout: 5_000 }).toBe(true);
    const stopping = server.stop();
    const response = await inFlight;
    expect(response.status).toBe(200);
    await stopping;
    expect(closed).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
