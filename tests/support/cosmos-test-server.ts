import { Agent } from "node:https";
import type { AddressInfo } from "node:net";
import { createHttpsServer } from "@vercel/cosmosdb-server";

export interface RunningCosmosServer {
  endpoint: string;
  /** The test server's certificate is self-signed; only tests trust it. */
  agent: Agent;
  stop(): Promise<void>;
}

/** Starts `@vercel/cosmosdb-server` over HTTPS on 127.0.0.1 on a free port. */
export async function startCosmosTestServer(): Promise<RunningCosmosServer> {
  const server = createHttpsServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    agent,
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
