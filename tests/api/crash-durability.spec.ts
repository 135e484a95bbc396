import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnServer, type ServerProcess } from "../support/server-process.js";

const TARGET_ACKNOWLEDGED = 1000;
const CONCURRENCY = 16;
const dataDir = mkdtempSync(join(tmpdir(), "peer-circles-crash-"));
const running: ServerProcess[] = [];

afterAll(() => {
  for (const server of running) server.child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function tokenFor(server: ServerProcess, user: string): Promise<string> {
  return ((await (await fetch(`${server.url}/api/dev/token?user=${user}`)).json()) as { token: string }).token;
}

describe("durability of the embedded store", () => {
  it("keeps every acknowledged write after kill -9 and a restart", async () => {
    const environment = { AUTH_MODE: "dev", DATA_DIR: dataDir };
    const first = await spawnServer(environment);
    running.push(first);
    const token = await tokenFor(first, "ada");
    const acknowledged = new Map<string, string[]>();
    let killed = false;

    // Writers keep going past the target so that writes are in flight at the moment of the kill.
    const writer = async () => {
      while (!killed) {
        const userId = randomUUID();
        const roles = Math.random() < 0.5 ? ["supporter"] : ["facilitator", "supporter"];
        try {
          const response = await fetch(`${first.url}/api/admin/roles/${userId}`, {
            method: "PUT",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body: JSON.stringify({ roles }),
          });
          if (response.status === 200) acknowledged.set(userId, roles);
          if (acknowledged.size >= TARGET_ACKNOWLEDGED && !killed) {
            killed = true;
            first.child.kill("SIGKILL");
          }
        } catch {
          return; // The connection died with the process: that write was never acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, writer));
    expect((await first.exited).signal).toBe("SIGKILL");
    expect(acknowledged.size).toBeGreaterThanOrEqual(TARGET_ACKNOWLEDGED);

    const second = await spawnServer(environment);
    running.push(second);
    const listing = await fetch(`${second.url}/api/admin/roles`, { headers: { Authorization: `Bearer ${await tokenFor(second, "ada")}` } });
    const { assignments } = (await listing.json()) as { assignments: { userId: string; roles: string[] }[] };
    const stored = new Map(assignments.map((assignment) => [assignment.userId, assignment.roles]));
    const missing = [...acknowledged].filter(([userId, roles]) => JSON.stringify(stored.get(userId)) !== JSON.stringify(roles));
    expect(missing).toEqual([]);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  }, 120_000);
});
