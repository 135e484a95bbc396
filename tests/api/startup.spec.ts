import { describe, expect, it } from "vitest";
import { spawnServer } from "../support/server-process.js";

describe("start-up configuration", () => {
  it.each([
    [{ AUTH_MODE: "dev", PORT: "not-a-port" }, "PORT"],
    [{ AUTH_MODE: "dev", NODE_ENV: "production" }, "AUTH_MODE"],
    [{ NODE_ENV: "production", AAD_APP_CLIENT_ID: "3f0c1e7a-1111-4222-8333-444455556666" }, "BOT_ID"],
    [{ AUTH_MODE: "dev", COSMOS_ENDPOINT: "cosmos please" }, "COSMOS_ENDPOINT"],
  ])("refuses %j with one line naming %s", async (environment, variable) => {
    const server = await spawnServer(environment, { waitForReady: false });
    const { code } = await server.exited;
    expect(code).toBe(78);
    const lines = server
      .output()
      .split("\n")
      .filter((line) => line.trim() && !line.includes("npm warn"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
