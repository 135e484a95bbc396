import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A local stand-in for the Bot Connector: accepts every reply the bots send and counts them. */
export async function startConnectorStub(): Promise<{ url: string; replies: () => number; close(): Promise<void> }> {
  let replies = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      replies++;
      response.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `reply-${replies}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    replies: () => replies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
