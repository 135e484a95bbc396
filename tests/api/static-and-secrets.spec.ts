import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ContactBook } from "../../bot/src/bot/contact-book.js";
import { TEAMS_FRAME_ANCESTORS } from "../../bot/src/http/security-headers.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { startTestServer, type TestServer } from "../support/in-process-server.js";
import { startLoggedServer, type LoggedServer } from "../support/logged-server.js";

const REPO = resolve(import.meta.dirname, "../..");
const TAB_DIST = join(REPO, "tab/dist");

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => statSync(join(directory, file)).isFile())
    .map((file) => file.split("\\").join("/"));
}

/** A GET with the path sent exactly as written: fetch() would normalise away the "..". */
function rawGet(base: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolvePromise, reject) => {
    const outgoing = httpRequest({ hostname, port, path, method: "GET", headers: { Connection: "close" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolvePromise({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

const TRAVERSALS = [
  "/../package.json",
  "/../../package.json",
  "/assets/../../package.json",
  "/assets/../../../package.json",
  "/%2e%2e/package.json",
  "/%2e%2e/%2e%2e/package.json",
  "/%2e%2e/%2e%2e/etc/passwd",
  "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
  "/%2E%2E/%2E%2E/package.json",
  "/assets/..%2f..%2fpackage.json",
  "/assets/..%2f..%2f..%2fpackage.json",
  "/assets/%2e%2e%2f%2e%2e%2fpackage.json",
  "/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json",
  "/..%2f..%2fpackage.json",
  // Double-encoded: a server that decodes twice would walk out.
  "/%252e%252e/%252e%252e/package.json",
  "/assets/%252e%252e%252f%252e%252e%252fpackage.json",
  "/assets/..%252f..%252fpackage.json",
  // Backslashes, raw and encoded, for servers that treat them as separators.
  "/..\\..\\package.json",
  "/assets/..\\..\\package.json",
  "/..%5c..%5cpackage.json",
  "/assets/..%5c..%5c..%5cpackage.json",
  "/%2e%2e%5c%2e%2e%5cpackage.json",
  // Overlong UTF-8, NUL bytes and other separators some stacks mishandle.
  "/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json",
  "/%c0%af..%c0%af..%c0%afpackage.json",
  "/assets/%00../../package.json",
  "/assets/..%00/..%00/package.json",
  "/..;/..;/package.json",
  "/.../.../package.json",
  "//etc/passwd",
  "/%2fetc%2fpasswd",
  // Files that sit next to the tab and must never be served.
  "/.env",
  "/.env.local",
  "/../.env",
  "/%2e%2e/.env",
  "/.git/config",
  "/.git/HEAD",
  "/../.git/config",
  "/%2e%2e/%2e%2e/.git/config",
  "/../secret.txt",
  "/assets/../../secret.txt",
  "/../../bot/src/config.ts",
  "/%2e%2e/%2e%2e/bot/src/config.ts",
  "/../src/main.tsx",
  "/../index.html",
];

/**
 * A stand-in for the tab's folder, with planted secrets around it at every depth a traversal could
 * reach: next to the tab, one up, and in a hidden folder, each holding a unique canary.
 */
function plantedSite(): { root: string; dist: string; indexHtml: string; canaries: string[] } {
  const root = mkdtempSync(join(tmpdir(), "peer-circles-traversal-"));
  const site = join(root, "tab");
  const dist = join(site, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  mkdirSync(join(site, ".git"), { recursive: true });
  mkdirSync(join(site, "src"), { recursive: true });
  mkdirSync(join(root, "bot/src"), { recursive: true });
  mkdirSync(join(root, ".git"), { recursive: true });
  const canaries: string[] = [];
  const plant = (path: string) => {
    const canary = `CANARY-${randomBytes(12).toString("hex")}`;
    writeFileSync(join(root, path), `${canary}\n`);
    canaries.push(canary);
  };
  for (const path of [
    "package.json",
    "secret.txt",
    ".env",
    ".git/config",
    "bot/src/config.ts",
    "tab/package.json",
    "tab/secret.txt",
    "tab/.env",
    "tab/.env.local",
    "tab/.git/config",
    "tab/.git/HEAD",
    "tab/src/main.tsx",
    "tab/index.html",
  ])
    plant(path);
  const indexHtml = '<!doctype html><html><head><title>Peer Circles</title></head><body><div id="root"></div></body></html>\n';
  writeFileSync(join(dist, "index.html"), indexHtml);
  writeFileSync(join(dist, "assets/app.js"), "console.log('tab');\n");
  // A hidden file inside the tab's own folder: dotfiles are not served either.
  writeFileSync(join(dist, ".env"), "CANARY-dotfile-in-dist\n");
  canaries.push("CANARY-dotfile-in-dist");
  return { root, dist, indexHtml, canaries };
}

describe("path traversal against the tab's static files", () => {
  let planted: ReturnType<typeof plantedSite>;
  let plantedServer: TestServer;
  let realServer: TestServer;
  // What the repository's own files look like, so the real tab cannot hand any of them out either.
  const realSecrets = [
    ['"name": "peer-circles"', "package.json"],
    ["environmentSchema", "bot/src/config.ts"],
    ["root:x:0:0", "/etc/passwd"],
    ["[core]", ".git/config"],
    ["createRoot", "tab/src/main.tsx"],
  ];

  beforeAll(async () => {
    planted = plantedSite();
    plantedServer = await startTestServer({ AUTH_MODE: "dev", TAB_DIST_DIR: planted.dist });
    realServer = await startTestServer({ AUTH_MODE: "dev" });
  });
  afterAll(async () => {
    await plantedServer?.stop();
    await realServer?.stop();
    if (planted) rmSync(planted.root, { recursive: true, force: true });
  });

  it("serves the planted tab itself, so refusals below are about the paths", async () => {
    expect((await rawGet(plantedServer.url, "/")).body).toBe(planted.indexHtml);
    expect((await rawGet(plantedServer.url, "/assets/app.js")).body).toContain("console.log('tab')");
    // The canaries are really there for a server that would walk out of its folder.
    for (const path of ["package.json", "tab/.env", "tab/.git/config"])
      expect(readFileSync(join(planted.root, path), "utf8")).toMatch(/^CANARY-/);
  });

  it.each(TRAVERSALS)("does not leave the tab's folder for %s", async (path) => {
    const answer = await rawGet(plantedServer.url, path);
    expect(answer.status).toBeLessThan(500);
    for (const canary of planted.canaries) expect(answer.body).not.toContain(canary);
    // Either a refusal, or the app shell the tab serves for any unknown page: never another file.
    if (answer.status === 200) expect(answer.body).toBe(planted.indexHtml);
    else expect([400, 403, 404]).toContain(answer.status);
  });

  it.each(TRAVERSALS)("does not serve a repository file from the built tab for %s", async (path) => {
    const answer = await rawGet(realServer.url, path);
    expect(answer.status).toBeLessThan(500);
    for (const [signature, file] of realSecrets) expect(answer.body, `${file} through ${path}`).not.toContain(signature);
    if (answer.status === 200) expect(answer.body).toBe(readFileSync(join(TAB_DIST, "index.html"), "utf8"));
    else expect([400, 403, 404]).toContain(answer.status);
  });

  it("knows what the repository's files look like, so the checks above can see them", () => {
    expect(readFileSync(join(REPO, "package.json"), "utf8")).toContain(realSecrets[0]![0]);
    expect(readFileSync(join(REPO, "bot/src/config.ts"), "utf8")).toContain(realSecrets[1]![0]);
    expect(readFileSync(join(REPO, "tab/src/main.tsx"), "utf8")).toContain(realSecrets[4]![0]);
  });
});

/** The tab's page routes, read from tab/src/routes.ts so a new page is checked without editing this file. */
function tabPageRoutes(): string[] {
  const source = readFileSync(join(REPO, "tab/src/routes.ts"), "utf8");
  const table = /const ROUTES[^=]*=\s*\{([^}]*)\}/.exec(source)?.[1] ?? "";
  return [...table.matchAll(/"(\/[^"]*)"\s*:/g)].map((match) => match[1]!);
}

describe("Content-Security-Policy on every tab page", () => {
  let server: TestServer;
  const pages = tabPageRoutes();
  const htmlFiles = filesUnder(TAB_DIST).filter((file) => file.endsWith(".html"));
  const allFiles = filesUnder(TAB_DIST);

  beforeAll(async () => {
    server = await startTestServer({ AUTH_MODE: "dev" });
  });
  afterAll(async () => server?.stop());

  const frameAncestorsOf = (policy: string | null) =>
    /(?:^|;)\s*frame-ancestors ([^;]+)/
      .exec(policy ?? "")?.[1]
      ?.trim()
      .split(/\s+/);

  function expectTeamsOnlyFraming(policy: string | null, what: string): void {
    const ancestors = frameAncestorsOf(policy);
    expect(ancestors, `${what}: ${policy}`).toBeDefined();
    expect(ancestors).toEqual(expect.arrayContaining(["'self'", ...TEAMS_FRAME_ANCESTORS]));
    // Nothing that lets any site frame the tab.
    for (const source of ancestors!) expect(["*", "https:", "http:", "data:"], `${what}: ${source}`).not.toContain(source);
  }

  it("finds the tab's pages and the built HTML", () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages).toEqual(expect.arrayContaining(["/", "/personal/home", "/meeting/side-panel", "/meeting/stage", "/config"]));
    expect(htmlFiles).toContain("index.html");
  });

  it.each(pages)("serves %s as the app with frame-ancestors limited to Teams", async (page) => {
    const response = await fetch(`${server.url}${page}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain('<div id="root">');
    expectTeamsOnlyFraming(response.headers.get("content-security-policy"), page);
  });

  it.each(htmlFiles)("serves the built %s with frame-ancestors limited to Teams", async (file) => {
    const response = await fetch(`${server.url}/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toBe(readFileSync(join(TAB_DIST, file), "utf8"));
    expectTeamsOnlyFraming(response.headers.get("content-security-policy"), file);
  });

  it("sends the same policy with every other built file and with unknown deep links", async () => {
    const paths = [...allFiles.map((file) => `/${file}`), "/personal/not-a-page", "/meeting/side-panel/", "/team/circles?x=1"];
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`, { method: "HEAD" });
      expect(response.status, path).toBe(200);
      expectTeamsOnlyFraming(response.headers.get("content-security-policy"), path);
    }
    expect(paths.length).toBeGreaterThan(allFiles.length);
  });
});

describe("secrets stay out of logs, responses and the tab bundle", () => {
  const CLIENT_ID = "3f0c1e7a-1111-4222-8333-444455556666";
  const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
  const ADMIN = "a0a0a0a0-1234-4567-89ab-cdef01234567";
  const MEMBER = "5b8e0a11-1234-4567-89ab-cdef01234567";
  const OTHER = "5b8e0a11-1234-4567-89ab-cdef01234568";
  // Fresh fake secrets per run, shaped like the real ones.
  const BOT_PASSWORD = `Bp8Q~${randomBytes(27).toString("base64url")}`;
  const COSMOS_KEY = randomBytes(64).toString("base64");
  let server: LoggedServer;
  let connector: Awaited<ReturnType<typeof startConnectorStub>>;
  let signingKey: CryptoKey;
  const responses: string[] = [];
  const consoleOutput: string[] = [];
  const storedSecrets: string[] = [];

  const token = (oid: string, overrides: { aud?: string } = {}) =>
    new SignJWT({ tid: TENANT, oid, name: "Secret Tester", preferred_username: "tester@example.com", scp: "access_as_user" })
      .setProtectedHeader({ alg: "RS256", kid: "test-key" })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(overrides.aud ?? CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(signingKey);

  let lastText = "";
  async function call(path: string, init: RequestInit & { as?: string; raw?: string } = {}): Promise<number> {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (init.as) headers.Authorization = `Bearer ${init.as}`;
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
      ...(init.raw !== undefined ? { body: init.raw } : {}),
    });
    lastText = await response.text();
    responses.push(`${[...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n")}\n${lastText}`);
    return response.status;
  }

  beforeAll(async () => {
    // Whatever the server or botbuilder prints to the console is captured as well as the log file.
    for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(args.map((arg) => (arg instanceof Error ? `${arg.stack} ${JSON.stringify(arg)}` : String(arg))).join(" "));
      });
    const pair = await generateKeyPair("RS256");
    signingKey = pair.privateKey;
    connector = await startConnectorStub({ keepBodies: true });
    server = await startLoggedServer(
      {
        AUTH_MODE: "entra",
        AAD_APP_CLIENT_ID: CLIENT_ID,
        AAD_APP_TENANT_ID: TENANT,
        TAB_ENDPOINT: "https://peer.example.com",
        ALLOWED_TENANTS: TENANT,
        PROGRAM_ADMINS: ADMIN,
        BOT_ID: "6a1f4a3e-0000-4000-8000-00000000b0b0",
        BOT_PASSWORD,
        BOT_TENANT_ID: TENANT,
        // The store is the embedded one the test server passes in, so no Cosmos DB is contacted.
        COSMOS_ENDPOINT: "https://peer-circles-test.documents.azure.com:443/",
        COSMOS_KEY,
        // Meeting questions go to the local stand-in; getting a bot token for them fails offline.
        TEAMS_SERVICE_URL: connector.url,
      },
      createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256" }] }),
    );
  });

  afterAll(async () => {
    await server?.stop();
    await connector?.close();
    vi.restoreAllMocks();
  });

  it("exercises ordinary and failing paths, with the bot's credentials in play", async () => {
    const admin = await token(ADMIN);
    const member = await token(MEMBER);
    expect(await call("/healthz")).toBe(200);
    expect(await call("/readyz")).toBe(200);
    expect(await call("/api/me", { as: member })).toBe(200);
    expect(await call("/api/me")).toBe(401);
    expect(await call("/api/me", { as: "not.a.jwt" })).toBe(401);
    expect(await call("/api/me", { as: await token(MEMBER, { aud: "api://elsewhere/app" }) })).toBe(401);
    expect(await call("/api/admin/roles", { as: member })).toBe(403);
    expect(await call("/api/me/preferences", { as: member, method: "PUT", raw: "{not json" })).toBe(400);
    expect(await call("/api/me/preferences", { as: member, method: "PUT", raw: JSON.stringify({ locale: "x".repeat(120 * 1024) }) })).toBe(
      413,
    );
    expect(await call("/api/nothing-here", { as: member })).toBe(404);
    expect(await call("/api/calendar-links/forged.token")).toBe(404);
    expect(await call("/api/me/data", { as: member })).toBe(200);

    // The bot endpoint with credentials: no token, then a token botbuilder cannot check offline.
    const activity = JSON.stringify({
      type: "message",
      text: "help",
      channelId: "msteams",
      serviceUrl: connector.url,
      from: { id: "29:x", aadObjectId: MEMBER },
      recipient: { id: "28:bot" },
      conversation: { id: "a:x", conversationType: "personal", tenantId: TENANT },
    });
    expect(await call("/api/messages", { method: "POST", raw: activity })).toBe(401);
    expect(await call("/api/messages", { method: "POST", raw: activity, as: member })).toBeGreaterThanOrEqual(400);

    // A huddle asks Teams who is in the meeting, which needs a bot token: it fails, so nobody gets in.
    expect(await call("/api/admin/roles/" + ADMIN, { as: admin, method: "PUT", raw: JSON.stringify({ roles: ["facilitator"] }) })).toBe(
      200,
    );
    const meetingPath = `/api/huddles/${encodeURIComponent("19:meeting_secret@thread.v2")}`;
    expect(
      await call("/api/huddles", {
        as: admin,
        method: "POST",
        raw: JSON.stringify({ meetingId: "19:meeting_secret@thread.v2", templateId: "morning-huddle" }),
      }),
    ).toBe(403);
    expect(
      await call(`${meetingPath}/actions`, { as: await token(OTHER), method: "POST", raw: JSON.stringify({ type: "take_over" }) }),
    ).toBe(403);

    // Publishing circles makes calendar links and tries to tell a reachable member through the bot.
    for (const userId of [MEMBER, OTHER])
      await new ContactBook(server.store).remember(TENANT, userId, {
        channelId: "msteams",
        serviceUrl: connector.url,
        conversation: { id: `a:${userId}`, conversationType: "personal", tenantId: TENANT },
        user: { id: `29:${userId}`, aadObjectId: userId },
        bot: { id: "28:bot" },
      });
    const today = Date.now();
    const day = (offset: number) => new Date(today + offset * 86_400_000).toISOString().slice(0, 10);
    const round = await fetch(`${server.url}/api/circle-rounds`, {
      method: "POST",
      headers: { Authorization: `Bearer ${admin}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "Secret test round",
        closesOn: day(5),
        startsOn: day(7),
        groupSize: { min: 2, max: 3 },
        cadence: "weekly",
        slots: [{ id: "mon-9", weekday: "MO", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" }],
      }),
    });
    const { id: roundId } = (await round.json()) as { id: string };
    for (const who of [MEMBER, OTHER])
      expect(
        await call(`/api/circle-rounds/${roundId}/sign-up`, {
          as: await token(who),
          method: "PUT",
          raw: JSON.stringify({ timeZone: "Europe/London", windows: ["mon-9"] }),
        }),
      ).toBe(200);
    expect(await call(`/api/circle-rounds/${roundId}/publish`, { as: admin, method: "POST", raw: "{}" })).toBe(200);
    // Without a bot token nobody could be told, and the admin hears exactly that.
    expect(JSON.parse(lastText)).toMatchObject({ notified: 0, unreachable: 2 });

    // Any secret the server keeps in its store, per tenant, joins the list of what must not leak.
    const settings = await server.store.query("settings", TENANT, {});
    for (const { value } of settings) if (typeof value.secret === "string") storedSecrets.push(value.secret);
    // Calendar links are random now: the store holds each tenant's route and the links' hashes, no signing key.
    expect(storedSecrets).toEqual([]);
    expect(settings.some(({ value }) => value.kind === "calendarLinkRoute")).toBe(true);
  });

  it("wrote logs, and none of them holds a secret", () => {
    const log = server.logText();
    // The failing paths above were logged: there is something to look through.
    expect(log).toContain('"status":401');
    expect(log).toContain("circles.notify_failed");
    expect(log).toContain("huddles.participant_lookup_failed");
    // Failed sends are the callers' to handle, not a failed turn with an apology to someone.
    expect(log).not.toContain("bot.turn_error");
    const everything = `${log}\n${consoleOutput.join("\n")}`;
    for (const secret of [BOT_PASSWORD, COSMOS_KEY, ...storedSecrets]) {
      expect(everything.includes(secret), "a secret in the logs").toBe(false);
      // Pieces count too: a truncated or wrapped secret is still a leak.
      expect(everything.includes(secret.slice(0, 16)), "part of a secret in the logs").toBe(false);
    }
  });

  it("answered no request with a secret", () => {
    expect(responses.length).toBeGreaterThanOrEqual(15);
    const all = responses.join("\n");
    for (const secret of [BOT_PASSWORD, COSMOS_KEY, ...storedSecrets]) expect(all.includes(secret.slice(0, 16))).toBe(false);
    expect(connector.bodies.join("\n")).not.toContain(BOT_PASSWORD.slice(0, 16));
  });

  it("built a tab bundle with no server secret or secret setting in any file", () => {
    const files = filesUnder(TAB_DIST);
    expect(files.length).toBeGreaterThanOrEqual(2);
    // Secret values from this run, from the environment the bundle may have been built in, and from
    // the Toolkit's git-ignored secret files, where they exist.
    const values = [BOT_PASSWORD, COSMOS_KEY, ...storedSecrets];
    for (const name of ["BOT_PASSWORD", "COSMOS_KEY", "SECRET_BOT_PASSWORD", "SECRET_COSMOS_KEY"]) {
      const value = process.env[name];
      if (value && value.length >= 8) values.push(value);
    }
    const envDirectory = join(REPO, "env");
    for (const file of existsSync(envDirectory) ? readdirSync(envDirectory).filter((name) => name.endsWith(".user")) : [])
      for (const match of readFileSync(join(envDirectory, file), "utf8").matchAll(/^SECRET_\w+=(.{8,})$/gm)) values.push(match[1]!.trim());
    // Names and shapes that have no business in a browser bundle.
    const shapes = [
      "BOT_PASSWORD",
      "COSMOS_KEY",
      "MicrosoftAppPassword",
      "AccountKey=",
      "client_secret=",
      "-----BEGIN PRIVATE KEY-----",
      "-----BEGIN RSA PRIVATE KEY-----",
    ];
    const found: string[] = [];
    for (const file of files) {
      const content = readFileSync(join(TAB_DIST, file)).toString("latin1");
      for (const needle of [...values, ...shapes])
        if (content.includes(needle)) found.push(`${relative(TAB_DIST, join(TAB_DIST, file))}: ${needle.slice(0, 12)}…`);
    }
    expect(found).toEqual([]);
  });
});
