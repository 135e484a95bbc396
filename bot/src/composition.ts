import { randomUUID } from "node:crypto";
import type { JWTVerifyGetKey } from "jose";
import type { ApiServices } from "./api/api-routes.js";
import { DEV_TENANT_ID, DevIdentityIssuer } from "./auth/dev-identity.js";
import { RoleDirectory } from "./auth/role-directory.js";
import { createTokenVerifier, entraSigningKeys, type TokenVerifier } from "./auth/token-verifier.js";
import { TEAMS_GLOBAL_SERVICE_URL } from "./bot/ask-teams.js";
import { createBotAdapter, hasBotCredentials, type BotEndpointParts } from "./bot/bot-endpoint.js";
import { ContactBook } from "./bot/contact-book.js";
import { BotEscalationNotifier } from "./bot/escalation-notifier.js";
import { PeerCirclesBot } from "./bot/peer-circles-bot.js";
import { CloudAdapterMessenger } from "./bot/proactive-messenger.js";
import { serviceUrlAllowList } from "./bot/service-url-allow-list.js";
import type { RoutingDependencies } from "./bot/supporter-routing.js";
import { TeamsMeetingDirectory } from "./bot/teams-meeting-directory.js";
import { TeamsMeetingChat } from "./bot/teams-meeting-chat.js";
import { HuddleSummaryPoster, NO_MEETING_CHAT } from "./huddles/meeting-chat.js";
import { TeamsTeamDirectory } from "./bot/teams-team-directory.js";
import { BuddyNotifier } from "./buddies/buddy-notifier.js";
import { BuddyService } from "./buddies/buddy-service.js";
import { CalendarLinks } from "./circles/calendar-links.js";
import { CircleNotifier } from "./circles/circle-notifier.js";
import { CircleService } from "./circles/circle-service.js";
import { RoundService } from "./circles/round-service.js";
import { DEV_TEAM_ROSTER, NO_TEAM_DIRECTORY } from "./circles/team-directory.js";
import { acceptedAudiences, type AppConfig } from "./config.js";
import { HuddleHub } from "./huddles/huddle-hub.js";
import { SharedPresence } from "./huddles/shared-presence.js";
import { SharedStreamQuota } from "./huddles/stream-leases.js";
import { SharedRateLimiter } from "./http/shared-rate-limiter.js";
import { HuddleService } from "./huddles/huddle-service.js";
import { DEV_MEETING_ROSTER, NO_MEETING_DIRECTORY } from "./huddles/meeting-directory.js";
import { ParticipationRecorder } from "./huddles/participation.js";
import { HuddleTemplateLibrary } from "./huddles/template-library.js";
import type { Logger } from "./logger.js";
import { InsightsService } from "./insights/insights-service.js";
import { MyDataService } from "./privacy/my-data.js";
import { RequestService } from "./requests/request-service.js";
import { ResponsePolicyStore } from "./requests/response-policy.js";
import { ResponseSweeper } from "./requests/response-sweeper.js";
import { SupporterRegistry } from "./requests/supporter-registry.js";
import { SupportersChannel } from "./requests/supporters-channel.js";
import { ResourceLibrary } from "./resources/resource-library.js";
import type { DocumentStore } from "./storage/document-store.js";
import { SupporterRosterService } from "./supporters/supporter-roster-service.js";
import { NO_TELEMETRY, type Telemetry } from "./telemetry/telemetry.js";

/**
 * Everything the server is made of, built once by composeServices. The routes see it as their
 * ApiServices; the app also mounts token checking, the calendar downloads and the bot from it.
 */
export interface Services extends ApiServices {
  verifyToken: TokenVerifier;
  /** Only in development identity mode: the sample users and their tokens. */
  devIdentity?: DevIdentityIssuer;
  calendarLinks: CalendarLinks;
  /** Escalates requests nobody answered in time; the server runs it on a timer. */
  sweeper: ResponseSweeper;
  /** The one clock every service that asks the time is given. */
  now: () => Date;
  bot: BotEndpointParts;
  /** This process among the instances sharing the store: presence, stream leases and the sweeper's lease are keyed by it. */
  instanceId: string;
  /** `SSE_STREAMS_PER_USER` and `RATE_LIMIT_PER_MINUTE`, counted across instances in the store. */
  streamQuota: SharedStreamQuota;
  rateLimiter: SharedRateLimiter;
  telemetry: Telemetry;
}

export interface CompositionOptions {
  /** Signing keys to trust instead of Entra's published ones; tests use their own key pair. */
  signingKeys?: JWTVerifyGetKey;
  /**
   * Tests only, and never from the environment: lets direct local calls into the bot endpoint
   * without credentials outside development identity mode, so a suite can play Teams with test tokens.
   */
  trustLocalBotCalls?: boolean;
  /** Traces and metrics (server.ts starts them); without it, the no-op telemetry. */
  telemetry?: Telemetry;
}

/** The composition root: every dependency is made here and passed down, none is module state. */
export async function composeServices(
  config: AppConfig,
  store: DocumentStore,
  logger: Logger,
  options: CompositionOptions = {},
): Promise<Services> {
  const now = () => new Date();
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
  const routing: RoutingDependencies = { requests, supporters, roles, messenger, logger, supportersChannel, roster, now };
  const policies = new ResponsePolicyStore(store);
  const templates = new HuddleTemplateLibrary(store);
  const resources = new ResourceLibrary(store);
  const contacts = new ContactBook(store);
  const calendarLinks = new CalendarLinks(store);
  const buddies = new BuddyService(store);
  const participation = new ParticipationRecorder(store);
  const huddles = new HuddleService(store, () => now().getTime(), participation, templates);
  const instanceId = randomUUID();
  const presence = new SharedPresence(store, instanceId, logger);
  const participantLookupUrl = config.TEAMS_SERVICE_URL ?? (config.BOT_ID ? TEAMS_GLOBAL_SERVICE_URL : undefined);
  return {
    store,
    telemetry: options.telemetry ?? NO_TELEMETRY,
    roles,
    verifyToken,
    ...(devIdentity ? { devIdentity } : {}),
    requests,
    supporters,
    routing,
    policies,
    huddles,
    huddleHub: new HuddleHub(huddles, presence, (cursor) => store.changesSince("huddles", "huddle", cursor), logger),
    instanceId,
    presence,
    streamQuota: new SharedStreamQuota(store, presence, config.SSE_STREAMS_PER_USER, logger),
    rateLimiter: new SharedRateLimiter(store, config.RATE_LIMIT_PER_MINUTE, logger),
    // Who is in a meeting comes from Teams; development identity mode, with no Teams to ask, uses
    // the declared sample roster. Anything else knows nobody, so huddles stay closed.
    meetings: participantLookupUrl
      ? new TeamsMeetingDirectory(botAdapter, config.BOT_ID ?? "", participantLookupUrl, logger)
      : devIdentity
        ? DEV_MEETING_ROSTER
        : NO_MEETING_DIRECTORY,
    // The meeting's chat is reached the way Teams is asked about the meeting; without Teams, nowhere.
    huddleSummaries: new HuddleSummaryPoster(
      store,
      participantLookupUrl ? new TeamsMeetingChat(messenger, participantLookupUrl, logger) : NO_MEETING_CHAT,
    ),
    // Who is in a team, the same way: Teams' roster, the sample roster in development, else nobody.
    teams: participantLookupUrl
      ? new TeamsTeamDirectory(botAdapter, config.BOT_ID ?? "", participantLookupUrl, logger)
      : devIdentity
        ? DEV_TEAM_ROSTER
        : NO_TEAM_DIRECTORY,
    templates,
    resources,
    contacts,
    rounds: new RoundService(store),
    circles: new CircleService(store),
    circleNotifier: new CircleNotifier(contacts, messenger, calendarLinks, logger, config.TAB_ENDPOINT),
    myData: new MyDataService(store, requests, roles, { buddies, participation, huddles }),
    roster,
    calendarLinks,
    buddies,
    buddyNotifier: new BuddyNotifier(contacts, messenger, calendarLinks, logger, config.TAB_ENDPOINT),
    insights: new InsightsService(store, (tenantId, today) => roster.trainingStandings(tenantId, today), now),
    sweeper: new ResponseSweeper({
      store,
      requests,
      policies,
      notifier: new BotEscalationNotifier(supporters, roles, messenger, logger),
      instanceId,
      now,
    }),
    now,
    ...(config.BOT_ID ? { botId: config.BOT_ID } : {}),
    authMode: config.AUTH_MODE,
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
        now,
        ...(config.BOT_ID ? { botId: config.BOT_ID } : {}),
        ...(config.TAB_ENDPOINT ? { tabEndpoint: config.TAB_ENDPOINT } : {}),
      }),
      policy: { credentialsConfigured, trustsLocalCalls, allowedTenants: config.ALLOWED_TENANTS, serviceUrls },
    },
  };
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
