import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

describe("the server's logger", () => {
  it("never writes a message's text, a body, a token or a name, at any of the first three levels", () => {
    const file = join(mkdtempSync(join(tmpdir(), "logger-")), "log.jsonl");
    const logger = createLogger("info", file);
    logger.info({ text: "top secret one", body: "top secret two", token: "top secret three", displayName: "Top Secret Four" }, "top");
    logger.info({ request: { text: "nested secret one", displayName: "Nested Secret Two" } }, "nested");
    logger.info({ event: { request: { text: "deep secret one", body: "deep secret two" } } }, "deep");
    logger.flush();
    const written = readFileSync(file, "utf8");
    expect(written.split("\n").filter(Boolean)).toHaveLength(3);
    expect(written).not.toMatch(/secret/i);
    expect(written).toContain('"msg":"deep"');
  });
});
