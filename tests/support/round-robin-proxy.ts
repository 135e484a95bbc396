import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Test support, not product code: the load balancer of the scale-out suite. Each request goes to
 * the next upstream in turn, streamed both ways (an event stream passes through as it comes). An
 * upstream that refuses the connection is skipped for the next one, as a balancer's health check
 * would; one that dies mid-answer ends that answer, so the client sees its stream cut.
 */
export interface RoundRobinProxy {
  url: string;
  /** Which upstream (by index) answered each request, in order, with its path. */
  routed: { upstream: number; path: string }[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const routed: RoundRobinProxy["routed"] = [];
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer, tried: number) => {
    const index = next++ % upstreams.length;
    const target = new URL(incoming.url ?? "/", upstreams[index]);
    const upstream = httpRequest(target, { method: incoming.method, headers: incoming.headers, agent: false }, (answer) => {
      routed.push({ upstream: index, path: incoming.url ?? "/" });
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
      answer.on("error", () => outgoing.destroy());
      answer.on("aborted", () => outgoing.destroy());
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (outgoing.headersSent) return void outgoing.destroy();
      if (error.code === "ECONNREFUSED" && tried + 1 < upstreams.length) return forward(incoming, outgoing, body, tried + 1);
      outgoing.writeHead(502).end();
    });
    outgoing.on("close", () => upstream.destroy());
    upstream.end(body);
  };
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => forward(incoming, outgoing, Buffer.concat(chunks), 0));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
