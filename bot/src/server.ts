import { randomUUID } from "node:crypto";
import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { DEV_TENANT_ID, DevIdentityIssuer } from "./auth/dev-identity.js";
import { RoleDirectory } from "./auth/role-directory.js";
import type { JWTVerifyGetKey } from "jose";
import { createTokenVerifier, entraSigningKeys, type TokenVerifier } from "./auth/token-verifier.js";
import { createBotAdapter, hasBotCredentials } from "./bot/bot-endpoint.js";
import { PeerCirclesBot } from "./bot/peer-circles-bot.js";
import { acceptedAudiences, listenHost, type AppConfig } from "./config.js";
import { serviceUrlAllowList } from "./bot/service-url-allow-list.js";
import type { Logger } from "./logger.js";
import { CloudAdapterMessenger } from "./bot/proactive-messenger.js";
import { RequestService } from "./requests/request-service.js";
import { SupporterRegistry } from "./requests/supporter-registry.js";
import { SupportersChannel } from "./requests/supporters-channel.js";
import type { RoutingDependencies } from "./bot/supporter-routing.js";
import { ResponseSweeper } from "./requests/response-sweeper.js";
import { ResponsePolicyStore } from "./requests/response-policy.js";
import { HuddleHub } from "./huddles/huddle-hub.js";
import { HuddleService } from "./huddles/huddle-service.js";
import { ParticipationRecorder } from "./huddles/participation.js";
import { HuddleTemplateLibrary } from "./huddles/template-library.js";
import { ResourceLibrary } from "./resources/resource-library.js";
import { CircleService } from "./circles/circle-service.js";
import { RoundService } from "./circles/round-service.js";
import { CalendarLinks } from "./circles/calendar-links.js";
import { CircleNotifier } from "./circles/circle-notifier.js";
import { MyDataService } from "./privacy/my-data.js";
import { SupporterRosterService } from "./supporters/supporter-roster-service.js";
import { BuddyNotifier } from "./buddies/buddy-notifier.js";
import { BuddyService } from "./buddies/buddy-service.js";
import { ContactBook } from "./bot/contact-book.js";
import { DEV_TEAM_ROSTER, NO_TEAM_DIRECTORY } from "./circles/team-directory.js";
import { DEV_MEETING_ROSTER, NO_MEETING_DIRECTORY } from "./huddles/meeting-directory.js";
import { TEAMS_GLOBAL_SERVICE_URL } from "./bot/ask-teams.js";
import { TeamsMeetingDirectory } from "./bot/teams-meeting-directory.js";
import { TeamsTeamDirectory } from "./bot/teams-team-directory.js";
import { BotEscalationNotifier } from "./bot/escalation-notifier.js";
import { createStore } from "./storage/create-store.js";
import { DeadlineStore } from "./storage/deadline-store.js";
import { logInvalidDocuments } from "./storage/invalid-document.js";
import type { DocumentStore } from "./storage/document-store.js";

const SWEEP_INTERVAL_MS = 30_000;

export interface RunningServer {
  url: string;
  store: DocumentStore;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes the store. */
  close(): Promise<void>;
}

/** The composition root: every dependency is made here and passed down, none is module state. */
export interface StartOptions {
  store?: DocumentStore;
  /** Signing keys to trust instead of Entra's published ones; tests use their own key pair. */
  signingKeys?: JWTVerifyGetKey;
  /**
   * Tests only, and never from the environment: lets direct local calls into the bot endpoint
   * without credentials outside development identity mode, so a suite can play Teams with test tokens.
   */
  trustLocalBotCalls?: boolean;
}

export async function startServer(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  // Whichever adapter it is, no request waits on storage longer than the deadline.
  const store: DocumentStore = new DeadlineStore(
    options.store ?? (await createStore(config)),
    config.STORE_DEADLINE_MS,
    (operation, outcome) => logger.warn({ event: "store.late_outcome", operation, outcome }, "store call finished after its deadline"),
    logInvalidDocuments(logger),
  );
  const devIdentity = config.AUTH_MODE === "dev" ? await DevIdentityIssuer.create(config.AAD_APP_CLIENT_ID) : undefined;
  const bootstrapAdmins = [
    ...config.PROGRAM_ADMINS,
    ...(devIdentity
      ? devIdentity
          .users()
          .filter((user) => user.roles.includes("admin"))
          .map((user) => user.userId)
      : []),
  ];
  const roles = new RoleDirectory(store, bootstrapAdmins);
  const verifyToken: TokenVerifier = createTokenVerifier({
    audiences: devIdentity ? [devIdentity.audience] : acceptedAudiences(config),
    allowedTenants: config.ALLOWED_TENANTS,
    keys: options.signingKeys ?? devIdentity?.keys ?? entraSigningKeys(),
  });
  if (devIdentity) await seedDevRoles(devIdentity, roles);

  const requests = new RequestService(store, undefined, undefined, config.REQUEST_RETENTION_DAYS);
  const credentialsConfigured = hasBotCredentials(config);
  const botAdapter = createBotAdapter(config, logger);
  const supporters = new SupporterRegistry(store);
  const serviceUrls = serviceUrlAllowList(config);
  const trustsLocalCalls = !credentialsConfigured && (config.AUTH_MODE === "dev" || options.trustLocalBotCalls === true);
  const messenger = new CloudAdapterMessenger(botAdapter, config.BOT_ID ?? "", serviceUrls);
  const supportersChannel = new SupportersChannel(store);
  const roster = new SupporterRosterService(store, supporters, roles, requests);
  const routing: RoutingDependencies = { requests, supporters, roles, messenger, logger, supportersChannel, roster, now: () => new Date() };
  const policies = new ResponsePolicyStore(store);
  const templates = new HuddleTemplateLibrary(store);
  const resources = new ResourceLibrary(store);
  const rounds = new RoundService(store);
  const circles = new CircleService(store);
  const contacts = new ContactBook(store);
  const calendarLinks = new CalendarLinks(store);
  const circleNotifier = new CircleNotifier(contacts, messenger, calendarLinks, logger, config.TAB_ENDPOINT);
  const buddies = new BuddyService(store);
  const buddyNotifier = new BuddyNotifier(contacts, messenger, calendarLinks, logger, config.TAB_ENDPOINT);
  const participation = new ParticipationRecorder(store);
  const huddles = new HuddleService(store, Date.now, participation, templates);
  const huddleHub = new HuddleHub(huddles, logger);
  const participantLookupUrl = config.TEAMS_SERVICE_URL ?? (config.BOT_ID ? TEAMS_GLOBAL_SERVICE_URL : undefined);
  // Who is in a meeting comes from Teams; development identity mode, with no Teams to ask, uses
  // the declared sample roster. Anything else knows nobody, so huddles stay closed.
  const meetings = participantLookupUrl
    ? new TeamsMeetingDirectory(botAdapter, config.BOT_ID ?? "", participantLookupUrl, logger)
    : devIdentity
      ? DEV_MEETING_ROSTER
      : NO_MEETING_DIRECTORY;
  // Who is in a team, the same way: Teams' roster, the sample roster in development, else nobody.
  const teams = participantLookupUrl
    ? new TeamsTeamDirectory(botAdapter, config.BOT_ID ?? "", participantLookupUrl, logger)
    : devIdentity
      ? DEV_TEAM_ROSTER
      : NO_TEAM_DIRECTORY;
  const sweeper = new ResponseSweeper({
    store,
    requests,
    policies,
    notifier: new BotEscalationNotifier(supporters, roles, messenger, logger),
    instanceId: randomUUID(),
    now: () => new Date(),
  });
  const app = createApp({
    config,
    logger,
    store,
    roles,
    verifyToken,
    requests,
    supporters,
    routing,
    policies,
    huddles,
    huddleHub,
    meetings,
    templates,
    resources,
    rounds,
    circles,
    circleNotifier,
    teams,
    myData: new MyDataService(store, requests, roles, { buddies, participation, huddles }),
    roster,
    calendarLinks,
    buddies,
    buddyNotifier,
    ...(devIdentity ? { devIdentity } : {}),
    bot: {
      adapter: botAdapter,
      handler: new PeerCirclesBot({
        logger,
        requests,
        supporters,
        roles,
        messenger,
        supportersChannel,
        contacts,
        roster,
        crisisLines: (tenantId) => resources.crisisLines(tenantId),
        ...(config.BOT_ID ? { botId: config.BOT_ID } : {}),
        ...(config.TAB_ENDPOINT ? { tabEndpoint: config.TAB_ENDPOINT } : {}),
      }),
      policy: { credentialsConfigured, trustsLocalCalls, allowedTenants: config.ALLOWED_TENANTS, serviceUrls },
    },
  });

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
      authMode: config.AUTH_MODE,
      botAuth: credentialsConfigured ? "bot-framework" : trustsLocalCalls ? "loopback-only" : "closed",
      botServiceUrls: serviceUrls.enforced ? "allow-list" : "any",
    },
    "server listening",
  );

  const sweepTimer = setInterval(() => {
    sweeper
      .sweepOnce()
      .catch((error: unknown) => logger.error({ event: "requests.sweep_failed", errorName: (error as Error).name }, "sweep failed"));
  }, SWEEP_INTERVAL_MS);
  sweepTimer.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweepTimer);
      // Open event streams would hold the server open until the grace period ends.
      huddleHub.close();
      draining = true;
      // Without this, each kept-alive socket would sit idle after its last answer and hold the close
      // until the grace period ends; with it, a socket closes as soon as its answer is sent.
      for (const response of unanswered) if (!response.headersSent) response.setHeader("Connection", "close");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
      await store.close();
      logger.info("server stopped");
    })());
  return { url, store, close };
}

/** Grants the sample users their roles so every part of the app can be tried locally. */
async function seedDevRoles(devIdentity: DevIdentityIssuer, roles: RoleDirectory): Promise<void> {
  for (const user of devIdentity.users()) {
    const granted = user.roles.filter((role) => role !== "admin");
    if (granted.length === 0) continue;
    const current = await roles.rolesOf(DEV_TENANT_ID, user.userId);
    if (granted.every((role) => current.includes(role))) continue;
    await roles.assign(DEV_TENANT_ID, user.userId, granted, "dev-seed");
  }
}
