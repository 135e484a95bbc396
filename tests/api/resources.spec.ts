import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
const tokens: Record<string, string> = {};

interface Listed {
  resource: {
    id: string;
    title: string;
    description: string;
    category: string;
    checkAndAdapt: boolean;
    countries: string[];
    contacts: { kind: string; value: string }[];
  };
  version: string;
  isDefault: boolean;
}
interface Line {
  name: string;
  phone?: string;
  url?: string;
}

async function call(user: string, method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
}

const list = async (user = "mia") => (await call(user, "GET", "/api/resources")).body.resources as Listed[];
const find = async (id: string) => (await list()).find((listed) => listed.resource.id === id);
const linesFor = async (country?: string) => {
  const response = await call("mia", "GET", `/api/resources/crisis-lines${country ? `?country=${country}` : ""}`);
  expect(response.status).toBe(200);
  return (response.body.lines as Line[]).map((line) => line.name);
};

const eap = {
  title: "Contoso Employee Assistance Programme",
  description: "Free, confidential counselling for staff and their families.",
  category: "eap",
  contacts: [
    { kind: "phone", value: "+44 800 123 4567" },
    { kind: "teamsChat", value: "eap.desk@contoso.example" },
  ],
  availability: { kind: "hours", days: "weekdays", from: "08:00", to: "18:00", timeZone: "Europe/London" },
  countries: ["GB"],
  languages: ["en"],
  tags: ["counselling"],
};

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of ["ada", "fin", "mia", "sam"]) tokens[user] = await devToken(server, user);
});
afterAll(async () => server?.stop());

describe("the resource catalogue", () => {
  it("shows the defaults, each marked check-and-adapt, to every member before any admin changes it", async () => {
    const response = await call("mia", "GET", "/api/resources");
    expect(response.status).toBe(200);
    const listed = response.body.resources as Listed[];
    expect(listed.map((item) => item.resource.title)).toEqual(
      expect.arrayContaining(["988 Suicide & Crisis Lifeline", "Samaritans", "TelefonSeelsorge", "Box breathing", "5-minute reset"]),
    );
    expect(listed.every((item) => item.isDefault && item.version === "default" && item.resource.checkAndAdapt)).toBe(true);
  });

  it("orders crisis lines for the caller's country: GB gets Samaritans first, DE TelefonSeelsorge, FR the directory", async () => {
    expect((await linesFor("GB"))[0]).toBe("Samaritans");
    expect((await linesFor("gb"))[0]).toBe("Samaritans");
    expect((await linesFor("US"))[0]).toBe("988 Suicide & Crisis Lifeline");
    expect((await linesFor("DE")).slice(0, 2)).toEqual(["TelefonSeelsorge", "Find a Helpline (international directory)"]);
    // A country without a line of its own: the international directory comes first.
    expect((await linesFor("FR"))[0]).toBe("Find a Helpline (international directory)");
    expect((await linesFor())[0]).toBe("Find a Helpline (international directory)");
    const bad = await call("mia", "GET", "/api/resources/crisis-lines?country=GBR");
    expect(bad).toMatchObject({ status: 400, body: { code: "bad_request" } });
  });

  it("lets only admins add, edit or remove resources", async () => {
    for (const user of ["mia", "fin", "sam"]) {
      expect((await call(user, "POST", "/api/resources", eap)).status).toBe(403);
      expect((await call(user, "PUT", "/api/resources/default-samaritans", { resource: eap, version: "default" })).status).toBe(403);
      expect((await call(user, "DELETE", "/api/resources/default-samaritans", { version: "default" })).status).toBe(403);
    }
    expect((await find("default-samaritans"))?.version).toBe("default");
  });

  it.each([
    ["an http link", { contacts: [{ kind: "url", value: "http://eap.contoso.example" }] }, "contacts.0.value"],
    ["a phone number with letters", { contacts: [{ kind: "phone", value: "0800 EAP" }] }, "contacts.0.value"],
    ["an overlong title", { title: "x".repeat(101) }, "title"],
    ["an unknown category", { category: "therapy" }, "category"],
  ])("refuses %s with a 400 naming the field", async (_label, change, field) => {
    const response = await call("ada", "POST", "/api/resources", { ...eap, ...change });
    expect(response).toMatchObject({ status: 400, body: { code: "bad_request" } });
    expect(String(response.body.message)).toContain(`"${field}"`);
  });

  it("lets an admin add, edit and remove a resource of the organisation's own, refusing stale versions with 409", async () => {
    const created = await call("ada", "POST", "/api/resources", eap);
    expect(created.status).toBe(201);
    const listed = created.body as unknown as Listed;
    expect(listed.resource).toMatchObject({ title: eap.title, checkAndAdapt: false });
    expect(listed.resource.id).toMatch(/^resource-[0-9a-f-]{36}$/);
    expect((await find(listed.resource.id))?.resource.title).toBe(eap.title);

    const path = `/api/resources/${listed.resource.id}`;
    const edited = await call("ada", "PUT", path, { resource: { ...eap, title: "Contoso EAP" }, version: listed.version });
    expect(edited.status).toBe(200);
    const stale = await call("ada", "PUT", path, { resource: eap, version: listed.version });
    expect(stale).toMatchObject({ status: 409, body: { code: "conflict" } });
    expect((await find(listed.resource.id))?.resource.title).toBe("Contoso EAP");

    expect((await call("ada", "DELETE", path, { version: listed.version })).status).toBe(409);
    expect((await call("ada", "DELETE", path, { version: (edited.body as unknown as Listed).version })).status).toBe(204);
    expect(await find(listed.resource.id)).toBeUndefined();
    expect((await call("ada", "DELETE", path, { version: "anything" })).status).toBe(404);
  });

  it("adapts a default once: the first edit wins, a second from the shipped version gets 409", async () => {
    const samaritans = (await find("default-samaritans"))!;
    const adapted = {
      title: "Samaritans",
      description: "Free, confidential listening, any time. Our programme team checked this line in 2030.",
      category: "crisis_line",
      contacts: [{ kind: "phone", value: "116 123" }],
      availability: { kind: "always" },
      countries: ["GB", "IE"],
      languages: ["en"],
      tags: ["crisis"],
      source: "samaritans.org",
    };
    const first = await call("ada", "PUT", "/api/resources/default-samaritans", { resource: adapted, version: samaritans.version });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ isDefault: true, resource: { id: "default-samaritans", checkAndAdapt: false } });
    const second = await call("ada", "PUT", "/api/resources/default-samaritans", { resource: adapted, version: "default" });
    expect(second).toMatchObject({ status: 409, body: { code: "conflict" } });
    expect((await find("default-samaritans"))?.resource.description).toContain("checked this line in 2030");
    // Every other default is still the shipped one.
    expect((await find("default-988-lifeline"))?.version).toBe("default");
  });

  it("removes a default for good, and the crisis lines follow the tenant's catalogue", async () => {
    const lifeline = (await find("default-988-lifeline"))!;
    expect((await call("ada", "DELETE", "/api/resources/default-988-lifeline", { version: "stale" })).status).toBe(409);
    expect((await call("ada", "DELETE", "/api/resources/default-988-lifeline", { version: lifeline.version })).status).toBe(204);
    expect(await find("default-988-lifeline")).toBeUndefined();
    expect(await linesFor("US")).not.toContain("988 Suicide & Crisis Lifeline");
    expect((await call("ada", "DELETE", "/api/resources/default-988-lifeline", { version: "default" })).status).toBe(404);
    expect((await call("ada", "PUT", "/api/resources/default-988-lifeline", { resource: eap, version: "default" })).status).toBe(404);
    // The adapted Samaritans entry is what the emergency block shows now.
    expect((await linesFor("GB"))[0]).toBe("Samaritans");
  });

  it("falls back to the default crisis lines when an admin removes every crisis line", async () => {
    for (const listed of (await list()).filter((item) => item.resource.category === "crisis_line")) {
      expect((await call("ada", "DELETE", `/api/resources/${listed.resource.id}`, { version: listed.version })).status).toBe(204);
    }
    expect((await list()).some((item) => item.resource.category === "crisis_line")).toBe(false);
    expect((await linesFor("GB"))[0]).toBe("Samaritans");
    expect(await linesFor("US")).toContain("988 Suicide & Crisis Lifeline");
  });

  it.each(["resource-1", "default-", "default-samaritans%23x", "..%2Fsettings", "DEFAULT-SAMARITANS"])(
    "refuses the id %s before it reaches the store",
    async (id) => {
      const response = await call("ada", "PUT", `/api/resources/${id}`, { resource: eap, version: "default" });
      expect(response).toMatchObject({ status: 400, body: { code: "bad_request" } });
    },
  );
});
