import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/**
 * A Bot Connector stand-in that records every call the bot makes (method, path, body) and answers
 * "create a conversation" as Teams does: with a new conversation's id, or, when told to refuse, with
 * the 403 Teams gives when the app is not installed for that person.
 */
export async function startConversationConnectorStub(options: { refuseNewConversations?: boolean } = {}): Promise<{
  url: string;
  calls: ConnectorCall[];
  close(): Promise<void>;
}> {
  const calls: ConnectorCall[] = [];
  let created = 0;
  const server: Server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    request.on("end", () => {
      const path = decodeURIComponent(new URL(request.url ?? "/", "http://stub").pathname);
      calls.push({ method: request.method ?? "", path, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      const json = (status: number, body: object) =>
        response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
      if (request.method === "POST" && path === "/v3/conversations") {
        if (options.refuseNewConversations)
          return json(403, { error: { code: "Forbidden", message: "The bot is not installed for this user." } });
        created++;
        return json(201, { id: `a:new-personal-${created}` });
      }
      return json(201, { id: `reply-${calls.length}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
