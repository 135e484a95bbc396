import { randomUUID } from "node:crypto";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { startConnectorStub } from "./connector-stub.js";
import { devToken, startTestServer, type TestServer } from "./in-process-server.js";

/** A development sample person, with every way they could be recognised: id, name and sign-in address. */
export interface SamplePerson {
  key: string;
  userId: string;
  name: string;
  markers: string[];
}

export function samplePerson(key: string): SamplePerson {
  const user = DEV_USERS.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`no dev user ${key}`);
  // "Mia Member (dev)" is also recognisable as "Mia Member".
  const shortName = user.displayName.replace(/ \(dev\)$/, "");
  return { key, userId: user.userId, name: user.displayName, markers: [user.userId, shortName, `${key}@peer-circles.example`] };
}

export interface Answer {
  status: number;
  text: string;
  json: unknown;
}

/**
 * The real server in dev mode with a stand-in Bot Connector, driven the two ways people reach it:
 * the tab's API with a person's token, and Teams activities posted to the bot endpoint.
 */
export interface RequestScenario {
  server: TestServer;
  call(key: string, method: string, path: string, body?: unknown): Promise<Answer>;
  /** A message typed in the person's personal chat with the bot. */
  say(key: string, text: string): Promise<Answer>;
  /** An activity from the person with some fields set or replaced, e.g. another locale. */
  send(key: string, fields: object): Promise<Answer>;
  /** A body posted to the bot endpoint as it is, however malformed. */
  postRaw(body: string, contentType?: string): Promise<Answer>;
  /** An Adaptive Card button pressed in the person's personal chat; the card that comes back is the answer. */
  press(key: string, verb: string, data: unknown): Promise<Answer>;
  /** Sends the request form through the bot and returns the reference code the confirmation names. */
  ask(key: string, form: { text: string; shareName: boolean; urgency?: string }): Promise<string>;
  /** Everything the bot delivered into the person's personal chat so far, one JSON body per delivery. */
  deliveredTo(key: string): string[];
  stop(): Promise<void>;
}

const CODE = /PC-[2-9A-HJKMNP-Z]{6}/;

export async function startRequestScenario(wrapStore?: (store: DocumentStore) => DocumentStore): Promise<RequestScenario> {
  const connector = await startConnectorStub({ keepBodies: true });
  const server = await startTestServer({ AUTH_MODE: "dev" }, undefined, wrapStore);
  const tokens = new Map<string, string>();
  const tokenOf = async (key: string) => {
    if (!tokens.has(key)) tokens.set(key, await devToken(server, key));
    return tokens.get(key)!;
  };
  const answer = async (response: Response): Promise<Answer> => {
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  };
  const activity = (key: string, fields: object) => {
    const person = samplePerson(key);
    return {
      id: `activity-${randomUUID()}`,
      channelId: "msteams",
      serviceUrl: connector.url,
      locale: "en-GB",
      timestamp: new Date().toISOString(),
      from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: person.name },
      recipient: { id: "28:bot" },
      conversation: { id: conversationOf(person), conversationType: "personal", tenantId: DEV_TENANT_ID },
      channelData: { tenant: { id: DEV_TENANT_ID } },
      ...fields,
    };
  };
  const post = async (body: object) =>
    answer(
      await fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
  const press = (key: string, verb: string, data: unknown) =>
    post(activity(key, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data } } }));

  return {
    server,
    call: async (key, method, path, body) =>
      answer(
        await fetch(`${server.url}${path}`, {
          method,
          headers: { Authorization: `Bearer ${await tokenOf(key)}`, "Content-Type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
    say: (key, text) => post(activity(key, { type: "message", text })),
    send: (key, fields) => post(activity(key, fields)),
    postRaw: async (body, contentType = "application/json") =>
      answer(await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "Content-Type": contentType }, body })),
    press,
    ask: async (key, form) => {
      const data = { category: "workload", urgency: form.urgency ?? "soon", preference: "any", contact: "chat", text: form.text };
      const confirmation = await press(key, "submitRequest", { ...data, shareName: String(form.shareName) });
      const code = CODE.exec(confirmation.text)?.[0];
      if (confirmation.status !== 200 || !code) throw new Error(`the request was not confirmed: ${confirmation.status}`);
      return code;
    },
    deliveredTo: (key) => {
      const conversation = conversationOf(samplePerson(key));
      return connector.bodies.filter((body) => conversationIdOf(body) === conversation);
    },
    stop: async () => {
      await server.stop();
      await connector.close();
    },
  };
}

const conversationOf = (person: SamplePerson) => `a:${person.key}-personal`;

function conversationIdOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { conversation?: { id?: string } }).conversation?.id;
  } catch {
    return undefined;
  }
}

/** The markers of `person` that occur in `text`, for a readable failure. */
export function markersIn(text: string, person: SamplePerson): string[] {
  return person.markers.filter((marker) => text.includes(marker));
}
