import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { createLogger } from "../../bot/src/logger.js";
import { readableLogs } from "../../scripts/readable-logs.js";
import { PROJECT_ROOT } from "../support/server-process.js";

interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName: string;
}
interface PlaygroundConfig {
  tenantId: string;
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
}

const config = parse(readFileSync(join(PROJECT_ROOT, ".m365agentsplayground.yml"), "utf8")) as PlaygroundConfig;

/** The config schema the installed Playground validates its file with, read out of its bundle (no network). */
function playgroundSchema(): object {
  const directory = dirname(createRequire(import.meta.url).resolve("@microsoft/m365agentsplayground/package.json"));
  const bundle = readFileSync(join(directory, "dist", "index.js"), "utf8");
  const literal = /JSON\.parse\('(\{"\$id":"https:\/\/aka\.ms\/teams-app-test-tool-config\/[^']*(?:\\'[^']*)*)'\)/.exec(bundle)?.[1];
  if (!literal) throw new Error("the Playground's config schema was not found in its bundle");
  return JSON.parse(literal.replace(/\\(.)/g, "$1")) as object;
}

describe("the Agents Playground's configuration for npm start", () => {
  it("is valid for the installed Playground", () => {
    const ajv = new Ajv({ strict: false });
    const schema = playgroundSchema();
    expect(ajv.validate(schema, config), ajv.errorsText()).toBe(true);
    // The check itself: a sixth user is refused, as the Playground refuses it.
    expect(ajv.validate(schema, { ...config, users: [...config.users, config.currentUser] })).toBe(false);
  });

  it("is the sample tenant, with Mia typing and every other sample user in the chats", () => {
    expect(config.tenantId).toBe(DEV_TENANT_ID);
    const people = [config.currentUser, ...config.users];
    const mia = DEV_USERS.find((user) => user.key === "mia")!;
    expect(config.currentUser.aadObjectId).toBe(mia.userId);
    expect(people.map((person) => person.aadObjectId).sort()).toEqual(DEV_USERS.map((user) => user.userId).sort());
    for (const person of people) {
      const user = DEV_USERS.find((candidate) => candidate.userId === person.aadObjectId)!;
      expect(person.name).toBe(user.displayName);
      expect(person.userPrincipleName).toBe(`${user.key}@peer-circles.example`);
    }
    expect(new Set(people.map((person) => person.id)).size).toBe(people.length);
  });
});

describe("logs in development and production", () => {
  it("are JSON from the server, and npm start turns each line into a readable one without adding to it", () => {
    const directory = mkdtempSync(join(tmpdir(), "peer-circles-log-format-"));
    try {
      const file = join(directory, "server.log");
      const logger = createLogger("info", file);
      logger.info({ code: "store_timeout", path: "/api/requests", activity: { text: "words nobody may log" } }, "request failed");
      const line = readFileSync(file, "utf8").trim();
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(parsed).toMatchObject({ msg: "request failed", code: "store_timeout", activity: { text: "[redacted]" } });
      const readable = readableLogs(false)(line);
      expect(readable).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: request failed/);
      expect(readable).toContain("store_timeout");
      expect(readable).not.toContain("words nobody may log");
      expect(() => JSON.parse(readable) as unknown).toThrow();
      // What is not a log line (the Playground's own output, a stack) passes through as it is.
      expect(readableLogs(false)("Listening on 56150")).toBe("Listening on 56150");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
