import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_MESSAGES_EN } from "../../bot/src/bot/bot-messages.js";
import { buildServer, PROJECT_ROOT } from "../../scripts/server-build.js";
import { postActivity, REFERENCE_CODE, requestSubmission } from "../support/bot-activities.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { spawnServer, type ServerProcess } from "../support/server-process.js";

// Its own folder inside the project, so the bundle finds node_modules as dist/server.js does, and
// a bench or `npm run build` writing dist/server.js at the same time cannot hand it half a file.
const folder = join(PROJECT_ROOT, "dist", `spec-${process.pid}`);
let server: ServerProcess | undefined;

beforeAll(async () => {
  const bundle = await buildServer(join(folder, "server.js"));
  server = await spawnServer({ AUTH_MODE: "dev", DATA_DIR: join(folder, "data"), LOG_LEVEL: "warn" }, { built: bundle });
});

afterAll(async () => {
  server?.child.kill("SIGTERM");
  await server?.exited;
  rmSync(folder, { recursive: true, force: true });
});

describe("the built server (issue #16)", () => {
  it("keeps tsx out of the production dependencies", () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain("tsx");
    expect(manifest.scripts["start:server"]).toBe("node dist/server.js");
    expect(readFileSync(join(PROJECT_ROOT, "infra/azure.bicep"), "utf8")).toContain("appCommandLine: 'node dist/server.js'");
  });

  it("starts with plain node and answers /readyz", async () => {
    expect(server!.child.spawnargs.slice(1)).toEqual([join(folder, "server.js")]);
    const ready = await fetch(`${server!.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("screens a request with the bundled crisis model and answers through the bundled botbuilder", async () => {
    const connector = await startConnectorStub({ keepBodies: true });
    try {
      // A crisis request gets the emergency contacts as a message of their own, before the card.
      const emergencyMessages = async (id: string, text: string) => {
        const { status, body } = await postActivity(server!.url, requestSubmission({ user: "mia", serviceUrl: connector.url, id, text }));
        expect(status).toBe(200);
        expect(body).toMatch(REFERENCE_CODE);
        return connector.bodies.splice(0).filter((sent) => sent.includes(BOT_MESSAGES_EN.emergencyTitle)).length;
      };
      expect(await emergencyMessages("built-crisis", "I can't see a way out and I have the pills ready")).toBe(1);
      expect(await emergencyMessages("built-ordinary", "Too many deadlines this month")).toBe(0);
    } finally {
      await connector.close();
    }
  });
});
