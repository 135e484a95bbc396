import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_API_ROUTES } from "../../bot/src/api/all-routes.js";
import type { ApiRoute } from "../../bot/src/api/api-routes.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { startMeetingRosterConnector, type MeetingRosterConnector } from "../support/meeting-roster-connector.js";
import { fillPath, paramNames, routeKey } from "../support/api-routes.js";
import { startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Two tenants on one server. Tenant B fills every part of the app with real data through the API
 * and the bot; then tenant A's admin (who also holds every other role in A) and a tenant-A member
 * call every route in ALL_API_ROUTES with B's ids in the path and in the body. Nothing of B may come
 * back, and nothing of B may change.
 */

const CLIENT_ID = "3f0c1e7a-1111-4222-8333-444455556666";
const TENANT_A = "a1a1a1a1-0000-4000-8000-00000000000a";
const TENANT_B = "b2b2b2b2-0000-4000-8000-00000000000b";
const DOMAIN = "peer.example.com";

interface Person {
  tenant: string;
  oid: string;
  name: string;
  email: string;
}
const person = (tenant: string, oid: string, name: string): Person => ({
  tenant,
  oid,
  name,
  email: `${name.split(" ")[0]!.toLowerCase()}@${tenant === TENANT_A ? "alpha" : "bravo"}.example`,
});

const ADMIN_A = person(TENANT_A, "a0000000-0000-4000-8000-0000000000a1", "Alma Alphaadmin");
const MEMBER_A = person(TENANT_A, "a0000000-0000-4000-8000-0000000000a2", "Arlo Alphamember");
const ADMIN_B = person(TENANT_B, "b0000000-0000-4000-8000-0000000000b1", "Beatrix Bravoadmin");
const SUPPORTER_B = person(TENANT_B, "b0000000-0000-4000-8000-0000000000b2", "Bartholomew Bravosupporter");
const FACILITATOR_B = person(TENANT_B, "b0000000-0000-4000-8000-0000000000b3", "Bernadette Bravofacilitator");
const MEMBER_B1 = person(TENANT_B, "b0000000-0000-4000-8000-0000000000b4", "Balthazar Bravomember");
const MEMBER_B2 = person(TENANT_B, "b0000000-0000-4000-8000-0000000000b5", "Brunhilde Bravomember");
const OUTSIDER_B = person(TENANT_B, "b0000000-0000-4000-8000-0000000000b6", "Bonifacio Bravooutsider");
const PEOPLE_B = [ADMIN_B, SUPPORTER_B, FACILITATOR_B, MEMBER_B1, MEMBER_B2, OUTSIDER_B];
/** In tenant B but not in B's team: Teams does not list them, whatever team id they send. */
const STRANGER_B = person(TENANT_B, "b0000000-0000-4000-8000-0000000000b7", "Bertrand Bravostranger");

// Words only tenant B ever writes.
const B_TEXTS = {
  request: "Bravo-only worry about the night rota on Ward Quokka",
  templateName: "Bravo quokka handover",
  templatePrompt: "Bravo prompt: name one quokka moment",
  templateNotes: "Bravo facilitator note about quokkas",
  resourceTitle: "Bravo Quokka Assistance Line",
  resourceDescription: "Bravo-only counselling for quokka keepers.",
  resourceEmail: "quokka.desk@bravo.example",
  roundName: "Bravo quokka circles",
  roundTopic: "Bravo topic: sleep after nights",
  circleName: "Bravo quokka circle one",
  signUpTeam: "Bravo Ward Quokka",
  interest: "bravo-quokka-watching",
  buddyTeam: "Bravo Ward Wallaby",
  supporterBio: "Bravo bio: ten years on the quokka ward",
  supporterShownName: "Bart from Bravo Quokka",
};
const B_MEETING = "19:meeting_QnJhdm9RdW9ra2FNZWV0aW5n@thread.v2";
const B_TEAM = "19:bravo-quokka-team@thread.v2";

let server: TestServer;
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
/** Teams' answer to "who is in this meeting": B's meeting holds B's people except the outsider. */
let meetingRoster: MeetingRosterConnector;
let signingKey: CryptoKey;

/** What tenant B made, filled in by the set-up. */
const b = {
  code: "",
  templateId: "",
  templateVersion: "",
  resourceId: "",
  resourceVersion: "",
  roundId: "",
  slotId: "mon-9",
  circleIds: [] as string[],
  pairingId: "",
};

async function tokenFor(who: Person): Promise<string> {
  return new SignJWT({ tid: who.tenant, oid: who.oid, name: who.name, preferred_username: who.email, scp: "access_as_user" })
    .setProtectedHeader({ alg: "RS256", kid: "test-key" })
    .setIssuer(`https://login.microsoftonline.com/${who.tenant}/v2.0`)
    .setAudience(CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(signingKey);
}

interface Answer {
  status: number;
  text: string;
  body: unknown;
}

async function call(who: Person, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await tokenFor(who)}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, text, body: parsed };
}

async function ok(who: Person, method: string, path: string, body?: unknown): Promise<Answer> {
  const answer = await call(who, method, path, body);
  expect(answer.status, `${who.name}: ${method} ${path} → ${answer.text}`).toBeLessThan(300);
  return answer;
}

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/** B's member asks for help through the bot, as Teams would deliver the card's submission. */
async function submitRequestThroughTheBot(who: Person, text: string): Promise<string> {
  const response = await fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "invoke",
      name: "adaptiveCard/action",
      id: `invoke-${who.oid}`,
      channelId: "msteams",
      serviceUrl: connector.url,
      locale: "en-GB",
      timestamp: new Date().toISOString(),
      from: { id: `29:${who.oid}`, aadObjectId: who.oid, name: who.name },
      recipient: { id: "28:bot" },
      conversation: { id: `a:${who.oid}-personal`, conversationType: "personal", tenantId: who.tenant },
      channelData: { tenant: { id: who.tenant } },
      value: {
        action: {
          type: "Action.Execute",
          verb: "submitRequest",
          data: { category: "workload", urgency: "soon", preference: "any", contact: "chat", text, shareName: "true" },
        },
      },
    }),
  });
  expect(response.status).toBe(200);
  const code = /PC-[2-9A-HJKMNP-Z]{6}/.exec(await response.text())?.[0];
  expect(code).toBeDefined();
  return code!;
}

const TEMPLATE = (name: string, prompt: string, notes: string) => ({
  name,
  description: `${name}, ten minutes`,
  steps: [
    { title: "Arrive", prompt, durationSeconds: 60, pulse: true },
    { title: "Close", prompt: "Thank you.", durationSeconds: 60, facilitatorNotes: notes },
  ],
});
const RESOURCE = (title: string, description: string, email: string) => ({
  title,
  description,
  category: "eap",
  contacts: [
    { kind: "phone", value: "+44 800 123 4567" },
    { kind: "email", value: email },
  ],
  countries: ["GB"],
  languages: ["en"],
  tags: ["counselling"],
});
const ROUND = (name: string, topic: string) => ({
  name,
  topic,
  closesOn: isoDate(10),
  startsOn: isoDate(14),
  groupSize: { min: 2, max: 3 },
  cadence: "fortnightly",
  slots: [{ id: "mon-9", weekday: "MO", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" }],
});
const POLICY = {
  targets: {
    crisis: { amount: 5, unit: "minutes" },
    today: { amount: 30, unit: "minutes" },
    soon: { amount: 2, unit: "business_days" },
    can_wait: { amount: 5, unit: "business_days" },
  },
  calendar: { timeZone: "Europe/London", workingDays: [1, 2, 3, 4, 5], holidays: ["2026-12-25"] },
};

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256" };
  meetingRoster = await startMeetingRosterConnector(
    { [B_MEETING]: [FACILITATOR_B, ADMIN_B, SUPPORTER_B, MEMBER_B1, MEMBER_B2].map((who) => who.oid) },
    { [B_MEETING]: TENANT_B },
    // B's team holds all of B's people (the outsider is outside the circle, not the team); nobody of A.
    { teams: { [B_TEAM]: { tenantId: TENANT_B, members: PEOPLE_B.map((who) => who.oid) } } },
  );
  server = await startTestServer(
    {
      AUTH_MODE: "entra",
      TEAMS_SERVICE_URL: meetingRoster.url,
      AAD_APP_CLIENT_ID: CLIENT_ID,
      TAB_ENDPOINT: `https://${DOMAIN}`,
      ALLOWED_TENANTS: `${TENANT_A},${TENANT_B}`,
      PROGRAM_ADMINS: `${ADMIN_A.oid},${ADMIN_B.oid}`,
    },
    createLocalJWKSet({ keys: [jwk] }),
    undefined,
    // Teams identity without bot credentials closes the bot endpoint; the suite plays Teams itself.
    { trustLocalBotCalls: true },
  );
  connector = await startConnectorStub();

  // Tenant B, through its own people: roles, a template and a huddle, a resource, a round and its
  // circles, a request to join one, a buddy pairing, a supporter profile and a claimed help request.
  await ok(ADMIN_B, "PUT", `/api/admin/roles/${SUPPORTER_B.oid}`, { roles: ["supporter"] });
  await ok(ADMIN_B, "PUT", `/api/admin/roles/${FACILITATOR_B.oid}`, { roles: ["facilitator"] });

  const template = await ok(
    FACILITATOR_B,
    "POST",
    "/api/huddle-templates",
    TEMPLATE(B_TEXTS.templateName, B_TEXTS.templatePrompt, B_TEXTS.templateNotes),
  );
  const listedTemplate = template.body as { template: { id: string }; version: string };
  b.templateId = listedTemplate.template.id;
  b.templateVersion = listedTemplate.version;
  await ok(FACILITATOR_B, "POST", "/api/huddles", { meetingId: B_MEETING, templateId: b.templateId });
  await ok(FACILITATOR_B, "POST", `/api/huddles/${encodeURIComponent(B_MEETING)}/actions`, { type: "start" });
  await ok(MEMBER_B1, "POST", `/api/huddles/${encodeURIComponent(B_MEETING)}/pulse`, { level: 4 });

  const resource = await ok(
    ADMIN_B,
    "POST",
    "/api/resources",
    RESOURCE(B_TEXTS.resourceTitle, B_TEXTS.resourceDescription, B_TEXTS.resourceEmail),
  );
  const listedResource = resource.body as { resource: { id: string }; version: string };
  b.resourceId = listedResource.resource.id;
  b.resourceVersion = listedResource.version;

  const round = await ok(ADMIN_B, "POST", "/api/circle-rounds", ROUND(B_TEXTS.roundName, B_TEXTS.roundTopic));
  b.roundId = (round.body as { id: string }).id;
  for (const who of [SUPPORTER_B, FACILITATOR_B, MEMBER_B1, MEMBER_B2])
    await ok(who, "PUT", `/api/circle-rounds/${b.roundId}/sign-up`, {
      timeZone: "Europe/London",
      windows: [b.slotId],
      interests: [B_TEXTS.interest],
      team: B_TEXTS.signUpTeam,
      avoid: who === MEMBER_B1 ? [MEMBER_B2.email] : [],
    });
  const published = await ok(ADMIN_B, "POST", `/api/circle-rounds/${b.roundId}/publish`, {});
  b.circleIds = (published.body as { circles: { id: string }[] }).circles.map((circle) => circle.id);
  expect(b.circleIds.length).toBeGreaterThanOrEqual(1);
  await ok(ADMIN_B, "PUT", `/api/circles/${b.circleIds[0]}`, { name: B_TEXTS.circleName, teamKey: B_TEAM });
  await ok(OUTSIDER_B, "POST", `/api/circles/${b.circleIds[0]}/join-requests`, { teamKey: B_TEAM });

  await ok(SUPPORTER_B, "PUT", "/api/buddies/offer", { timeZone: "Europe/London", windows: ["MO-09:00"], team: B_TEXTS.buddyTeam });
  await ok(MEMBER_B1, "PUT", "/api/buddies/request", { timeZone: "Europe/London", windows: ["MO-09:00"], team: B_TEXTS.signUpTeam });
  const matched = await ok(ADMIN_B, "POST", "/api/buddies/match", {});
  b.pairingId = (matched.body as { pairings: { id: string }[] }).pairings[0]!.id;

  await ok(ADMIN_B, "PUT", `/api/admin/supporters/${SUPPORTER_B.oid}`, {
    displayName: B_TEXTS.supporterShownName,
    trainedOn: isoDate(-30),
    languages: ["en"],
    bio: B_TEXTS.supporterBio,
  });

  b.code = await submitRequestThroughTheBot(MEMBER_B2, B_TEXTS.request);
  await ok(SUPPORTER_B, "POST", `/api/requests/${b.code}/actions`, { action: "claim" });
  // The claim worked: B's supporter reads the words, so the data the attack aims at is really there.
  expect((await ok(SUPPORTER_B, "GET", `/api/requests/${b.code}`)).text).toContain(B_TEXTS.request);

  // Tenant A's admin gives themself every other role in A, so only the tenant stands in the way.
  await ok(ADMIN_A, "PUT", `/api/admin/roles/${ADMIN_A.oid}`, { roles: ["supporter", "facilitator"] });
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
  await meetingRoster?.close();
});

/** Every id, name and text of tenant B that must never reach tenant A. */
function markersOfB(): string[] {
  const ids = [
    b.code,
    b.templateId,
    b.templateVersion,
    b.resourceId,
    b.resourceVersion,
    b.roundId,
    ...b.circleIds,
    b.pairingId,
    B_MEETING,
    B_TEAM,
    ...PEOPLE_B.map((who) => who.oid),
  ];
  const names = PEOPLE_B.flatMap((who) => [who.name, who.email]);
  const values = [...ids, ...names, ...Object.values(B_TEXTS)];
  expect(values.every((value) => value.length >= 8)).toBe(true);
  return values;
}

/** The value each path parameter gets: always tenant B's. */
function bParams(): Record<string, string> {
  return {
    code: b.code,
    meetingId: B_MEETING,
    templateId: b.templateId,
    resourceId: b.resourceId,
    roundId: b.roundId,
    circleId: b.circleIds[0]!,
    teamKey: B_TEAM,
    userId: OUTSIDER_B.oid,
    pairingId: b.pairingId,
    decision: "approve",
  };
}

/** Parameters that name something of B's. A route with one must not find it: 403 or 404 only. */
const B_THING_PARAMS = new Set(["code", "meetingId", "templateId", "resourceId", "roundId", "circleId", "pairingId", "teamKey"]);

/** Bodies that would be accepted if the ids were the caller's own; anything unlisted gets {}. */
function bodyFor(route: ApiRoute): unknown {
  const bodies: Record<string, unknown> = {
    "PUT /api/me/preferences": { theme: "dark" },
    "PUT /api/admin/roles/:userId": { roles: ["supporter"] },
    "POST /api/requests/:code/actions": { action: "claim" },
    "POST /api/requests/:code/messages": { message: "Are you still there?" },
    "PUT /api/admin/response-policy": POLICY,
    // B's template in A's huddle: refused as unknown, so it cannot be started from A.
    "POST /api/huddles": { meetingId: B_MEETING, templateId: b.templateId },
    "POST /api/huddles/:meetingId/actions": { type: "end" },
    "POST /api/huddles/:meetingId/pulse": { level: 1 },
    "POST /api/huddle-templates": TEMPLATE("Alpha stand-up", "Alpha prompt", "Alpha note"),
    "PUT /api/huddle-templates/:templateId": {
      template: TEMPLATE("Alpha took it", "Alpha prompt", "Alpha note"),
      version: b.templateVersion,
    },
    "DELETE /api/huddle-templates/:templateId": { version: b.templateVersion },
    "POST /api/resources": RESOURCE("Alpha assistance line", "Alpha counselling.", "desk@alpha.example"),
    "PUT /api/resources/:resourceId": {
      resource: RESOURCE("Alpha took it", "Alpha counselling.", "desk@alpha.example"),
      version: b.resourceVersion,
    },
    "DELETE /api/resources/:resourceId": { version: b.resourceVersion },
    "POST /api/circle-rounds": ROUND("Alpha circles", "Alpha topic"),
    "PUT /api/circle-rounds/:roundId/sign-up": { timeZone: "Europe/London", windows: [b.slotId], interests: [] },
    "POST /api/circle-rounds/:roundId/publish": {},
    "POST /api/circles/:circleId/leave": {},
    "POST /api/circles/:circleId/join-requests": { teamKey: B_TEAM },
    "POST /api/circles/:circleId/facilitator": { userId: MEMBER_B1.oid },
    "PUT /api/circles/:circleId": { name: "Alpha took it", teamKey: "19:alpha-team@thread.v2", removeMembers: [MEMBER_B1.oid] },
    "DELETE /api/me/data": { confirm: "erase-my-data" },
    "PUT /api/admin/supporters/:userId": { languages: ["en"], bio: "Alpha note" },
    "PUT /api/admin/supporter-settings": { caseloadCap: 3 },
    "PUT /api/buddies/offer": { timeZone: "Europe/London", windows: ["MO-09:00"] },
    "PUT /api/buddies/request": { timeZone: "Europe/London", windows: ["MO-09:00"], avoid: [SUPPORTER_B.oid] },
    "POST /api/buddies/match": {},
    "POST /api/buddies/pairings/:pairingId/end": {},
    "PUT /api/insights/settings": { programmeSize: 100 },
  };
  return bodies[routeKey(route)] ?? {};
}

/** Erasing one's own data goes last, so the caller keeps their preferences and offers until then. */
const ATTACK_ORDER = [...ALL_API_ROUTES].sort(
  (left, right) => Number(routeKey(left) === "DELETE /api/me/data") - Number(routeKey(right) === "DELETE /api/me/data"),
);

interface Attempt {
  caller: string;
  route: string;
  status: number;
  leaked: string[];
}

/**
 * Calls every route as `who` with B's ids. A marker the caller themself sent and got a 2xx for (say,
 * B's user id in PUT /api/admin/roles/:userId) is from then on the caller's own data in their own
 * tenant, and no longer counts as a leak when it comes back.
 */
async function attackEveryRoute(who: Person): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const ownedByCaller = new Set<string>();
  const markers = markersOfB();
  const params = bParams();
  for (const route of ATTACK_ORDER) {
    const path = fillPath(route.path, params);
    const body = route.acceptsBody ? bodyFor(route) : undefined;
    const answer = await call(who, route.method.toUpperCase(), path, body);
    const sent = `${decodeURIComponent(path)} ${JSON.stringify(body ?? null)}`;
    const succeeded = answer.status >= 200 && answer.status < 300;
    const leaked = markers.filter((marker) => answer.text.includes(marker) && !(succeeded && ownedByCaller.has(marker)));
    if (succeeded) for (const marker of markers) if (sent.includes(marker)) ownedByCaller.add(marker);
    // The same check once more with the marker the caller sent in this very request allowed back.
    const leakedBeyondEcho = succeeded ? leaked.filter((marker) => !sent.includes(marker)) : leaked;
    attempts.push({ caller: who.name, route: routeKey(route), status: answer.status, leaked: leakedBeyondEcho });
  }
  return attempts;
}

function expectRefusedOrHarmless(attempts: Attempt[]): void {
  const byRoute = new Map(ALL_API_ROUTES.map((route) => [routeKey(route), route]));
  const problems: string[] = [];
  for (const attempt of attempts) {
    const route = byRoute.get(attempt.route)!;
    const namesBThing = paramNames(route.path).some((name) => B_THING_PARAMS.has(name));
    const allowed = namesBThing ? [403, 404] : [200, 201, 202, 204, 400, 403, 404, 409];
    if (!allowed.includes(attempt.status)) problems.push(`${attempt.route}: ${attempt.status}, expected one of ${allowed.join("/")}`);
    if (attempt.leaked.length > 0) problems.push(`${attempt.route}: answered with ${attempt.leaked.map((text) => `"${text}"`).join(", ")}`);
  }
  expect(problems).toEqual([]);
}

/** What B's own people see of everything B made, without the server's clock. */
async function bSnapshot(): Promise<Record<string, unknown>> {
  const views: [Person, string][] = [
    [ADMIN_B, "/api/admin/roles"],
    [ADMIN_B, "/api/huddle-templates"],
    [ADMIN_B, "/api/resources"],
    [ADMIN_B, "/api/circle-rounds"],
    [ADMIN_B, "/api/circles"],
    [ADMIN_B, "/api/buddies/pairings"],
    [ADMIN_B, "/api/admin/supporters"],
    [ADMIN_B, "/api/admin/response-policy"],
    [MEMBER_B1, `/api/huddles/${encodeURIComponent(B_MEETING)}`],
    [MEMBER_B1, "/api/buddies/mine"],
    [MEMBER_B1, "/api/circles/mine"],
    [MEMBER_B2, "/api/requests/mine"],
    [SUPPORTER_B, "/api/requests/queue"],
    [OUTSIDER_B, `/api/teams/${encodeURIComponent(B_TEAM)}/circles`],
  ];
  const snapshot: Record<string, unknown> = {};
  for (const [who, path] of views) {
    const answer = await ok(who, "GET", path);
    snapshot[`${who.name} ${path}`] = JSON.parse(answer.text, (key, value: unknown) => (key === "serverNow" ? undefined : value));
  }
  return snapshot;
}

describe("tenant A cannot reach tenant B's data through any route", () => {
  let before: Record<string, unknown>;
  const attempts: Attempt[] = [];

  it("has B's data in place, seen by B's own people", async () => {
    before = await bSnapshot();
    const text = JSON.stringify(before);
    for (const expected of [B_TEXTS.templateName, B_TEXTS.resourceTitle, B_TEXTS.circleName, B_TEXTS.supporterBio, b.pairingId, b.code])
      expect(text).toContain(expected);
    expect(b.circleIds.every((id) => text.includes(id))).toBe(true);
  });

  it("refuses A's admin, who holds every role in A, on every route with B's ids", async () => {
    const made = await attackEveryRoute(ADMIN_A);
    attempts.push(...made);
    expectRefusedOrHarmless(made);
  });

  it("refuses a member of A on every route with B's ids", async () => {
    const made = await attackEveryRoute(MEMBER_A);
    attempts.push(...made);
    expectRefusedOrHarmless(made);
  });

  it("called every route in ALL_API_ROUTES as both callers", () => {
    const all = ALL_API_ROUTES.map(routeKey).sort();
    for (const caller of [ADMIN_A.name, MEMBER_A.name])
      expect([...new Set(attempts.filter((attempt) => attempt.caller === caller).map((attempt) => attempt.route))].sort()).toEqual(all);
    // Enough of them aimed straight at one of B's things to make the 403/404 rule mean something.
    const aimed = ALL_API_ROUTES.filter((route) => paramNames(route.path).some((name) => B_THING_PARAMS.has(name)));
    expect(aimed.length).toBeGreaterThanOrEqual(20);
  });

  it("left everything of B's exactly as it was", async () => {
    expect(await bSnapshot()).toEqual(before);
  });
});

describe("tenant A cannot listen to tenant B's huddle", () => {
  /** Opens the huddle's event stream and collects what arrives until `stop` is called. */
  async function listen(who: Person): Promise<{ status: number; received: () => string; ended: () => boolean; stop: () => void }> {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/huddles/${encodeURIComponent(B_MEETING)}/events`, {
      headers: { Authorization: `Bearer ${await tokenFor(who)}` },
      signal: controller.signal,
    });
    let text = "";
    let ended = false;
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const chunk = await reader!.read();
          if (chunk.done) return;
          text += decoder.decode(chunk.value, { stream: true });
        }
      } catch {
        // Aborted by stop().
      } finally {
        ended = true;
      }
    })();
    return { status: response.status, received: () => text, ended: () => ended, stop: () => controller.abort() };
  }

  it("streams nothing of B's meeting to A's admin or member, nor to B's outsider, while B's member gets every change", async () => {
    const asB = await listen(MEMBER_B1);
    const strangers = await Promise.all([ADMIN_A, MEMBER_A, OUTSIDER_B].map(listen));
    try {
      // The stream opens with the current state; the change is made once B's member is surely listening.
      await expect.poll(() => asB.received(), { timeout: 5_000 }).toContain("event: state");
      await ok(FACILITATOR_B, "POST", `/api/huddles/${encodeURIComponent(B_MEETING)}/actions`, { type: "next" });
      await expect.poll(() => asB.received().match(/event: state/g)?.length ?? 0, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
      expect(asB.received()).toContain(B_TEXTS.templateName);
      // Each refusal's whole body is read before it is searched, so an empty one cannot pass for a clean one.
      await expect.poll(() => strangers.every((stream) => stream.ended()), { timeout: 5_000 }).toBe(true);
      // Teams says none of them is in B's meeting, so the stream is refused before anything is read.
      for (const stream of strangers) {
        expect(stream.status).toBe(403);
        expect(stream.received()).not.toContain("event: state");
        for (const marker of markersOfB()) expect(stream.received()).not.toContain(marker);
      }
    } finally {
      for (const stream of [asB, ...strangers]) stream.stop();
    }
  });

  it("refuses B's own outsider, who is not in B's meeting, on every huddle route", async () => {
    const huddlePath = `/api/huddles/${encodeURIComponent(B_MEETING)}`;
    const outsider = { Authorization: `Bearer ${await tokenFor(OUTSIDER_B)}`, "Content-Type": "application/json" };
    const attempts = [
      await fetch(`${server.url}${huddlePath}`, { headers: outsider }),
      await fetch(`${server.url}${huddlePath}/pulse`, { method: "POST", headers: outsider, body: JSON.stringify({ level: 2 }) }),
      await fetch(`${server.url}${huddlePath}/actions`, { method: "POST", headers: outsider, body: JSON.stringify({ type: "take_over" }) }),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(403);
      const text = await answer.text();
      for (const marker of markersOfB()) expect(text).not.toContain(marker);
    }
  });
});

describe("only the people Teams lists in B's team see its circles or ask to join", () => {
  const teamPath = `/api/teams/${encodeURIComponent(B_TEAM)}/circles`;
  const joinRequestsOfB = async () =>
    ((await ok(ADMIN_B, "GET", "/api/circles")).body as { circles: { id: string; joinRequests?: { userId: string }[] }[] }).circles
      .find((circle) => circle.id === b.circleIds[0])!
      .joinRequests!.map((requester) => requester.userId);

  it("refuses B's own stranger, who is not in B's team, and A's people, with a bare 403", async () => {
    const before = await joinRequestsOfB();
    for (const who of [STRANGER_B, ADMIN_A, MEMBER_A]) {
      const answers = [
        await call(who, "GET", teamPath),
        await call(who, "POST", `/api/circles/${b.circleIds[0]}/join-requests`, { teamKey: B_TEAM }),
      ];
      for (const answer of answers) {
        expect(answer.status, `${who.name}: ${answer.text}`).toBe(403);
        expect(Object.keys(answer.body as object).sort()).toEqual(["code", "message"]);
        for (const marker of markersOfB()) expect(answer.text).not.toContain(marker);
      }
    }
    expect(await joinRequestsOfB()).toEqual(before);
  });

  it("still shows the team's circles to B's outsider, whom Teams lists in the team", async () => {
    const listed = await ok(OUTSIDER_B, "GET", teamPath);
    expect(listed.text).toContain(B_TEXTS.circleName);
  });
});
