import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Bot Connector stand-in that takes the bot's replies and answers none of them until told to,
 * like Teams being slow. A bot turn waiting on it is a request honestly in flight in the server.
 */
export async function startHeldConnectorStub(): Promise<{
  url: string;
  /** Replies received and still waiting for an answer. */
  held(): number;
  /** Answers every held reply, and every later one at once. */
  release(): void;
  close(): Promise<void>;
}> {
  const waiting: ServerResponse[] = [];
  let released = false;
  const answer = (response: ServerResponse) =>
    response.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `reply-${Date.now()}` }));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on("end", () => (released ? answer(response) : waiting.push(response)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    held: () => waiting.length,
    release: () => {
      released = true;
      for (const response of waiting.splice(0)) answer(response);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
