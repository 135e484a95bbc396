import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A local stand-in for the Bot Connector: accepts every reply the bots send and counts them. */
export async function startConnectorStub(options: { keepBodies?: boolean } = {}): Promise<{
  url: string;
  replies: () => number;
  bodies: string[];
  close(): Promise<void>;
}> {
  let replies = 0;
  const bodies: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      if (options.keepBodies) body += chunk.toString();
    });
    request.on("end", () => {
      replies++;
      if (options.keepBodies) bodies.push(body);
      response.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `reply-${replies}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    replies: () => replies,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
