import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { spawnServer, type ServerProcess } from "../support/server-process.js";

/**
 * Issue #13, point 7: `npm start` runs in development identity mode, where /api/dev/token hands a
 * programme admin's token to whoever asks. Listening on every interface let anyone on the same
 * network ask. This machine's own non-loopback address plays the neighbour on the LAN.
 */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;

let running: ServerProcess | undefined;
afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill("SIGTERM");
    await running.exited;
  }
  running = undefined;
});

/** The one "server listening" log line, as pino's JSON. */
function listeningLine(server: ServerProcess): Record<string, unknown> {
  const line = server
    .output()
    .split("\n")
    .find((candidate) => candidate.includes('"server listening"'));
  expect(line, server.output()).toBeDefined();
  return JSON.parse(line!) as Record<string, unknown>;
}

async function fromTheLan(server: ServerProcess, path: string): Promise<number | "refused"> {
  const port = new URL(server.url).port;
  return fetch(`http://${lanAddress}:${port}${path}`).then(
    (response) => response.status,
    () => "refused" as const,
  );
}

describe("development identity binding", () => {
  it("listens on loopback only when HOST is not set, and says so", async () => {
    running = await spawnServer({ AUTH_MODE: "dev", HOST: undefined });
    expect((await fetch(`${running.url}/api/dev/token?user=ada`)).status).toBe(200);
    if (lanAddress) expect(await fromTheLan(running, "/api/dev/token?user=ada")).toBe("refused");
    expect(listeningLine(running)).toMatchObject({ host: "127.0.0.1", hostReason: expect.stringMatching(/development identity/) });
  });

  it("listens where HOST says when it is set explicitly, and says why", async () => {
    running = await spawnServer({ AUTH_MODE: "dev", HOST: "0.0.0.0" });
    if (lanAddress) expect(await fromTheLan(running, "/healthz")).toBe(200);
    expect(listeningLine(running)).toMatchObject({ host: "0.0.0.0", hostReason: expect.stringMatching(/HOST/) });
  });
});
