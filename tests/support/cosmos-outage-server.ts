import { Agent } from "node:https";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { createHttpsServer } from "@vercel/cosmosdb-server";

export interface OutageCosmosServer {
  endpoint: string;
  /** The test server's certificate is self-signed; only tests trust it. */
  agent: Agent;
  /**
   * The store goes down: open connections are reset and its port stops listening, so new ones are
   * refused. The in-memory emulator behind the port keeps running, with its data.
   */
  cut(): Promise<void>;
  /** The store comes back on the same port, as a restarted server would. */
  restore(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `@vercel/cosmosdb-server` behind a gate on its own port. The emulator keeps its documents in
 * memory, so really stopping it would lose them; and it advertises its own address to clients, so
 * a proxy on another port would be bypassed. Instead the emulator listens once (so it advertises
 * this port), then a plain TCP listener on the same port hands it every connection and is what
 * goes down and comes back.
 */
export async function startOutageCosmosServer(): Promise<OutageCosmosServer> {
  const emulator = createHttpsServer();
  await new Promise<void>((resolve, reject) => {
    emulator.once("error", reject);
    emulator.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = emulator.address() as AddressInfo;
  await new Promise<void>((resolve) => emulator.close(() => resolve()));

  const open = new Set<Socket>();
  const admit = (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    emulator.emit("connection", socket);
  };
  let gate = createServer(admit);
  const listen = async () => {
    // The port was in use a moment ago; the kernel may need a beat to hand it back.
    for (let attempt = 1; ; attempt++) {
      try {
        await new Promise<void>((resolve, reject) => {
          gate.once("error", reject);
          gate.listen(port, "127.0.0.1", () => {
            gate.off("error", reject);
            resolve();
          });
        });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 50) throw error;
        await delay(20);
      }
    }
  };
  await listen();

  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  const cut = async () => {
    const closed = new Promise<void>((resolve) => gate.close(() => resolve()));
    // A reset, as from a machine that went away, rather than a polite close.
    for (const socket of open) socket.resetAndDestroy();
    open.clear();
    await closed;
  };
  return {
    endpoint: `https://127.0.0.1:${port}`,
    agent,
    cut,
    restore: async () => {
      gate = createServer(admit);
      await listen();
    },
    stop: async () => {
      agent.destroy();
      if (gate.listening) await cut();
      emulator.closeAllConnections();
    },
  };
}
