import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
const tokens: Record<string, string> = {};

interface Listed {
  template: { id: string; name: string; builtIn: boolean; steps: { id: string; title: string; facilitatorNotes?: string }[] };
  version?: string;
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

const standUp = {
  name: "Night-shift handover",
  description: "Ten minutes before the night team takes over.",
  steps: [
    { title: "Arrive", prompt: "Take a breath. How are you arriving?", durationSeconds: 60, pulse: true },
    { title: "One word", prompt: "One word for the shift you had.", durationSeconds: 180, round: { secondsPerSpeaker: 20 } },
    { title: "Close", prompt: "Thank you. Talk privately is always there.", durationSeconds: 60, facilitatorNotes: "Name the EAP line." },
  ],
};

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of ["ada", "fin", "mia", "sam"]) tokens[user] = await devToken(server, user);
});
afterAll(async () => server?.stop());

describe("custom huddle templates", () => {
  let created: Listed;

  it("lists the four built-in templates for everyone", async () => {
    const listed = await call("mia", "GET", "/api/huddle-templates");
    expect(listed.status).toBe(200);
    const ids = (listed.body.templates as Listed[]).map((item) => item.template.id);
    expect(ids).toEqual(["morning-huddle", "debrief", "weekly-circle", "buddy-check-in"]);
  });

  it("lets only facilitators and admins create one", async () => {
    expect((await call("mia", "POST", "/api/huddle-templates", standUp)).status).toBe(403);
    expect((await call("sam", "POST", "/api/huddle-templates", standUp)).status).toBe(403);
    const byFacilitator = await call("fin", "POST", "/api/huddle-templates", standUp);
    expect(byFacilitator.status).toBe(201);
    created = byFacilitator.body as unknown as Listed;
    expect(created.template).toMatchObject({ name: standUp.name, builtIn: false });
    expect(created.template.steps.map((step) => step.id)).toEqual(["step-1", "step-2", "step-3"]);
    expect((await call("ada", "POST", "/api/huddle-templates", { ...standUp, name: "Admin's copy" })).status).toBe(201);
  });

  it.each([
    ["no steps", { ...standUp, steps: [] }, "steps"],
    ["21 steps", { ...standUp, steps: Array.from({ length: 21 }, () => standUp.steps[0]) }, "steps"],
    ["a 10-second step", { ...standUp, steps: [{ ...standUp.steps[0], durationSeconds: 10 }] }, "steps.0.durationSeconds"],
    ["a 61-minute step", { ...standUp, steps: [{ ...standUp.steps[0], durationSeconds: 3660 }] }, "steps.0.durationSeconds"],
    ["a blank title", { ...standUp, steps: [{ ...standUp.steps[0], title: "   " }] }, "steps.0.title"],
    ["an overlong prompt", { ...standUp, steps: [{ ...standUp.steps[0], prompt: "x".repeat(1001) }] }, "steps.0.prompt"],
    ["an unknown field", { ...standUp, owner: "someone-else" }, "body"],
  ])("refuses %s with a 400 naming the field", async (_label, body, field) => {
    const response = await call("fin", "POST", "/api/huddle-templates", body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: "bad_request" });
    expect(String(response.body.message)).toContain(field === "body" ? "" : `"${field}"`);
  });

  it("hides facilitator notes from members but not from facilitators", async () => {
    const notesOf = async (user: string) =>
      ((await call(user, "GET", "/api/huddle-templates")).body.templates as Listed[])
        .find((item) => item.template.id === created.template.id)!
        .template.steps.map((step) => step.facilitatorNotes);
    expect(await notesOf("fin")).toEqual([undefined, undefined, "Name the EAP line."]);
    expect(await notesOf("mia")).toEqual([undefined, undefined, undefined]);
  });

  it("edits with the version seen, and refuses a stale edit with 409", async () => {
    const path = `/api/huddle-templates/${created.template.id}`;
    const renamed = { ...standUp, name: "Night-shift handover (v2)" };
    const edited = await call("fin", "PUT", path, { template: renamed, version: created.version });
    expect(edited.status).toBe(200);
    expect((edited.body as unknown as Listed).template.name).toBe("Night-shift handover (v2)");
    const stale = await call("ada", "PUT", path, { template: standUp, version: created.version });
    expect(stale).toMatchObject({ status: 409, body: { code: "conflict" } });
    created = edited.body as unknown as Listed;
  });

  it("refuses edits to built-in templates and to unknown ids", async () => {
    expect((await call("fin", "PUT", "/api/huddle-templates/debrief", { template: standUp, version: "x" })).status).toBe(403);
    expect((await call("fin", "PUT", "/api/huddle-templates/template-missing", { template: standUp, version: "x" })).status).toBe(404);
  });

  it("starts a huddle from the custom template, with its steps", async () => {
    const meetingId = "custom-template-meeting";
    const started = await call("fin", "POST", "/api/huddles", { meetingId, templateId: created.template.id });
    expect(started.status).toBe(201);
    const session = (started.body as { session: { templateName: string; steps: { title: string }[] } }).session;
    expect(session.templateName).toBe("Night-shift handover (v2)");
    expect(session.steps.map((step) => step.title)).toEqual(["Arrive", "One word", "Close"]);
    // The meeting view goes to every panel, so the facilitator's notes stay out of it.
    expect(JSON.stringify(started.body)).not.toContain("Name the EAP line");
  });

  it("deletes with the version seen; the template is gone afterwards", async () => {
    const path = `/api/huddle-templates/${created.template.id}`;
    expect((await call("mia", "DELETE", path, { version: created.version })).status).toBe(403);
    expect((await call("fin", "DELETE", path, { version: "stale" })).status).toBe(409);
    expect((await call("fin", "DELETE", path, { version: created.version })).status).toBe(204);
    const ids = ((await call("fin", "GET", "/api/huddle-templates")).body.templates as Listed[]).map((item) => item.template.id);
    expect(ids).not.toContain(created.template.id);
    expect((await call("fin", "POST", "/api/huddles", { meetingId: "after-delete", templateId: created.template.id })).status).toBe(400);
  });
});
