import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { postActivity, personalMessage } from "../support/bot-activities.js";
import { startHeldConnectorStub } from "../support/held-connector-stub.js";
import { spawnServer, type ServerProcess } from "../support/server-process.js";

const GRACE_MS = 3_000;
/** Process start-up of tsx and Node's own exit are outside the server's control; this is for them. */
const EXIT_MARGIN_MS = 1_000;
const IN_FLIGHT = 24;

const dataDirs: string[] = [];
const running: ServerProcess[] = [];
let connector: Awaited<ReturnType<typeof startHeldConnectorStub>> | undefined;

afterEach(async () => {
  for (const server of running.splice(0)) if (server.child.exitCode === null) server.child.kill("SIGKILL");
  await connector?.close();
  connector = undefined;
});
afterAll(() => {
  for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
});

async function startDrainableServer(): Promise<ServerProcess> {
  const directory = mkdtempSync(join(tmpdir(), "peer-circles-drain-"));
  dataDirs.push(directory);
  const server = await spawnServer({ AUTH_MODE: "dev", DATA_DIR: directory, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
  running.push(server);
  return server;
}

/** Whether a brand-new TCP connection to the server's port is accepted or refused. */
function tryConnect(url: string): Promise<"accepted" | "refused"> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("accepted");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNREFUSED" ? resolve("refused") : reject(error)));
  });
}

/** A GET on a connection the client already holds open from before the signal. */
function getOver(agent: Agent, url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = httpRequest(`${url}/healthz`, { agent }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode ?? 0));
    });
    request.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    request.end();
  });
}

/** Bot turns that each wait on the (held) Bot Connector: all of them are inside the server at once. */
async function turnsInFlight(server: ServerProcess, serviceUrl: string) {
  const turns = Array.from({ length: IN_FLIGHT }, (_, index) =>
    postActivity(
      server.url,
      personalMessage({ user: { userId: randomUUID(), name: `Person ${index}` }, serviceUrl, id: `hi-${index}`, text: "hi" }),
    ).catch((error: unknown) => ({ status: 0, body: String((error as Error).cause ?? error) })),
  );
  const started = performance.now();
  while (connector!.held() < IN_FLIGHT) {
    if (performance.now() - started > 15_000) throw new Error(`only ${connector!.held()} turns reached the connector`);
    await delay(10);
  }
  return turns;
}

describe("draining on SIGTERM", () => {
  it("finishes the requests in flight, refuses new connections, and exits 0 well inside the grace period", async () => {
    connector = await startHeldConnectorStub();
    const server = await startDrainableServer();
    const keptOpen = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await getOver(keptOpen, server.url)).toBe(200);
    const turns = await turnsInFlight(server, connector.url);

    const signalled = performance.now();
    server.child.kill("SIGTERM");
    const refusedAfterMs = await (async () => {
      while ((await tryConnect(server.url)) === "accepted") {
        if (performance.now() - signalled > 1_000) throw new Error("still accepting connections 1 s after SIGTERM");
        await delay(5);
      }
      return performance.now() - signalled;
    })();
    // Refused for good, while every turn is still waiting inside the server.
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await tryConnect(server.url)).toBe("refused");
      await delay(50);
    }
    const overKeptConnection = await getOver(keptOpen, server.url);
    expect(overKeptConnection).not.toBe(200);
    expect(connector.held()).toBe(IN_FLIGHT);
    expect(server.child.exitCode).toBeNull();

    await delay(700);
    const releasedAt = performance.now();
    connector.release();
    const answers = await Promise.all(turns);
    expect(answers.map((answer) => answer.status)).toEqual(Array(IN_FLIGHT).fill(200));

    const { code, signal } = await server.exited;
    const exitedAfterMs = performance.now() - signalled;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // Once the last turn is answered nothing holds the process: it does not sit out the grace period.
    expect(performance.now() - releasedAt).toBeLessThan(EXIT_MARGIN_MS);
    expect(exitedAfterMs).toBeLessThan(GRACE_MS + EXIT_MARGIN_MS);
    expect(server.output()).toContain("server stopped");
    keptOpen.destroy();
    console.log(
      `drain: new connections refused ${Math.round(refusedAfterMs)} ms after SIGTERM; kept-alive connection got ${overKeptConnection}; ` +
        `${IN_FLIGHT} turns in flight all answered 200; exit 0 ${Math.round(performance.now() - releasedAt)} ms after the last answer, ` +
        `${Math.round(exitedAfterMs)} ms after SIGTERM`,
    );
  }, 40_000);

  it("cuts what outlasts SHUTDOWN_GRACE_MS and still exits 0 on time", async () => {
    connector = await startHeldConnectorStub();
    const server = await startDrainableServer();
    const turns = await turnsInFlight(server, connector.url);

    const signalled = performance.now();
    server.child.kill("SIGTERM");
    const { code, signal } = await server.exited;
    const exitedAfterMs = performance.now() - signalled;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(exitedAfterMs).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(exitedAfterMs).toBeLessThan(GRACE_MS + EXIT_MARGIN_MS);
    // Nobody is told "done" for a turn that was cut short.
    const answers = await Promise.all(turns);
    expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
    console.log(`drain past the grace period: exit 0 ${Math.round(exitedAfterMs)} ms after SIGTERM (grace ${GRACE_MS} ms)`);
  }, 40_000);
});
