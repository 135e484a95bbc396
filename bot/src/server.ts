import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { composeServices, type CompositionOptions } from "./composition.js";
import { listenHost, type AppConfig } from "./config.js";
import type { Logger } from "./logger.js";
import { createStore } from "./storage/create-store.js";
import { DeadlineStore } from "./storage/deadline-store.js";
import { logInvalidDocuments } from "./storage/invalid-document.js";
import type { DocumentStore } from "./storage/document-store.js";
import { startTelemetry, type TelemetryTestHooks } from "./telemetry/telemetry.js";
import { TelemetryStore } from "./telemetry/telemetry-store.js";

const SWEEP_INTERVAL_MS = 30_000;

export interface RunningServer {
  url: string;
  store: DocumentStore;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes the store. */
  close(): Promise<void>;
}

/** The services are composed in composition.ts; this starts them listening and stops them cleanly. */
export interface StartOptions extends CompositionOptions {
  store?: DocumentStore;
  /** Tests only: extra span processors and metric readers (in-memory exporters) for the telemetry pipeline. */
  telemetryHooks?: TelemetryTestHooks;
}

export async function startServer(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  const telemetry = await startTelemetry(config, {
    ...options.telemetryHooks,
    onShutdownError: (error) => logger.warn({ event: "telemetry.final_export_failed", errorName: error.name }, "telemetry not all sent"),
  });
  // Whichever adapter it is, no request waits on storage longer than the deadline.
  const deadlineStore: DocumentStore = new DeadlineStore(
    options.store ?? (await createStore(config)),
    config.STORE_DEADLINE_MS,
    (operation, outcome) => logger.warn({ event: "store.late_outcome", operation, outcome }, "store call finished after its deadline"),
    logInvalidDocuments(logger),
  );
  // Outside the deadline, so a store call's span and duration are what the request waited.
  const store: DocumentStore = telemetry.enabled ? new TelemetryStore(deadlineStore, telemetry) : deadlineStore;
  const services = await composeServices(config, store, logger, { ...options, telemetry });
  const { credentialsConfigured, trustsLocalCalls, serviceUrls } = services.bot.policy;
  const app = createApp(config, logger, services);

  const { host, reason: hostReason } = listenHost(config);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.PORT, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  server.keepAliveTimeout = 5_000;
  // Answers still owed, so that shutdown can make each one its connection's last (per server, not module state).
  const unanswered = new Set<ServerResponse>();
  let draining = false;
  // Runs before Express, so even an answer sent at once carries the header.
  server.prependListener("request", (_request, response: ServerResponse) => {
    if (draining) {
      response.setHeader("Connection", "close");
      return;
    }
    unanswered.add(response);
    response.once("close", () => unanswered.delete(response));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  logger.info(
    {
      host,
      hostReason,
      port,
      store: store.kind,
      telemetry: telemetry.enabled ? "application-insights" : "off",
      authMode: config.AUTH_MODE,
      botAuth: credentialsConfigured ? "bot-framework" : trustsLocalCalls ? "loopback-only" : "closed",
      botServiceUrls: serviceUrls.enforced ? "allow-list" : "any",
    },
    "server listening",
  );

  const sweepTimer = setInterval(() => {
    services.sweeper
      .sweepOnce()
      .catch((error: unknown) => logger.error({ event: "requests.sweep_failed", errorName: (error as Error).name }, "sweep failed"));
  }, SWEEP_INTERVAL_MS);
  sweepTimer.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweepTimer);
      // Open event streams would hold the server open until the grace period ends.
      services.huddleHub.close();
      draining = true;
      // Without this, each kept-alive socket would sit idle after its last answer and hold the close
      // until the grace period ends; with it, a socket closes as soon as its answer is sent.
      for (const response of unanswered) if (!response.headersSent) response.setHeader("Connection", "close");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
      // The other instances stop counting this one's streams at once, rather than after the TTL.
      await services.streamQuota.settle();
      await services.presence.close({ forget: true });
      await store.close();
      // Sends what is still buffered; after this the process's spans and metrics go nowhere.
      await telemetry.shutdown();
      logger.info("server stopped");
    })());
  return { url, store, close };
}
