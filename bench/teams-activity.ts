import { randomUUID } from "node:crypto";

/** The tenant the bench's Teams activities come from; the bot keeps requests per tenant. */
export const BENCH_TENANT_ID = "bench-tenant";

/**
 * A Teams activity as the Bot Connector would post it to `POST /api/messages` in dev mode (no bot
 * credentials, loopback caller). `serviceUrl` is where the bot sends its replies: a local stub.
 */
export function teamsActivity(serviceUrl: string, index: number, extra: object): object {
  return {
    type: "message",
    id: `activity-${index}`,
    channelId: "msteams",
    serviceUrl,
    locale: "en-GB",
    conversation: { id: `conversation-${index % 50}`, conversationType: "personal", tenantId: BENCH_TENANT_ID },
    from: { id: `29:user-${index % 50}`, aadObjectId: `00000000-0000-4000-8000-${String(index % 50).padStart(12, "0")}` },
    recipient: { id: "28:bot" },
    ...extra,
  };
}

/** The request form's card submission: one help request per activity, from 50 members in turn. */
export function helpRequestSubmission(serviceUrl: string, index: number): object {
  return teamsActivity(serviceUrl, index, {
    id: randomUUID(),
    type: "invoke",
    name: "adaptiveCard/action",
    value: {
      action: {
        type: "Action.Execute",
        verb: "submitRequest",
        data: {
          category: "workload",
          urgency: "soon",
          preference: "any",
          contact: "chat",
          text: `bench request ${index}`,
          shareName: "false",
        },
      },
    },
  });
}
