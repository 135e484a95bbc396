import { z } from "zod";
import { serviceUrlEntryProblem, serviceUrlAllowList } from "./bot/service-url-allow-list.js";

/**
 * Start-up configuration, read once from the environment and validated. Names follow the Teams
 * Toolkit where it has one. A bad value stops start-up with one line naming the variable.
 */
const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url({ protocol: /^https?$/ }).optional());
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
    /** Unset: loopback only in development identity mode, every interface otherwise (see `listenHost`). */
    HOST: optionalText,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    AUTH_MODE: z.enum(["entra", "dev"]).default("entra"),
    BOT_ID: optionalText,
    BOT_PASSWORD: optionalText,
    BOT_TENANT_ID: optionalText,
    BOT_DOMAIN: optionalText,
    /**
     * The Bot Framework service URLs replies and proactive messages may go to: https URL prefixes,
     * the first host label may be `*`. Unset: the Bot Framework and Teams clouds, enforced in
     * production only (so local runs can use the Agents Playground and connector stand-ins).
     */
    BOT_SERVICE_URLS: csv,
    TAB_ENDPOINT: optionalUrl,
    /**
     * The Bot Connector that answers Teams meeting questions (who organised a meeting). Bot
     * credentials turn the organiser check on with the global endpoint; setting this points it
     * elsewhere, e.g. a regional endpoint or a local stand-in.
     */
    TEAMS_SERVICE_URL: optionalUrl,
    AAD_APP_CLIENT_ID: optionalText.pipe(z.string().regex(guid, "must be a GUID").optional()),
    AAD_APP_TENANT_ID: optionalText,
    ALLOWED_TENANTS: csv,
    PROGRAM_ADMINS: csv,
    COSMOS_ENDPOINT: optionalUrl,
    COSMOS_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9-_]{1,255}$/, "letters, digits, - and _ only")
      .default("peer-circles"),
    COSMOS_KEY: optionalText,
    DATA_DIR: z.string().min(1).default(".data"),
    TAB_DIST_DIR: z.string().min(1).default("tab/dist"),
    REQUEST_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** How long one storage call may take before the request gives up with a 503. */
    STORE_DEADLINE_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    /** API calls one person may make per minute before getting 429 (the tab makes a few per page). */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
    /** Huddle event streams one person may hold open at once (a panel and a stage on two devices). */
    SSE_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100_000).default(6),
    /** Turns on OpenTelemetry traces and metrics to Application Insights; unset, nothing is sent anywhere. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  })
  .superRefine((env, context) => {
    if (env.AUTH_MODE === "dev" && env.NODE_ENV === "production") {
      context.addIssue({ code: "custom", path: ["AUTH_MODE"], message: "dev identity mode is refused when NODE_ENV=production" });
    }
    if (env.AUTH_MODE === "entra" && !env.AAD_APP_CLIENT_ID) {
      context.addIssue({ code: "custom", path: ["AAD_APP_CLIENT_ID"], message: "is required when AUTH_MODE=entra (or set AUTH_MODE=dev)" });
    }
    if (env.NODE_ENV === "production" && !env.BOT_ID && !env.BOT_PASSWORD) {
      // Without them botbuilder checks no Bot Framework token: anyone could post activities.
      context.addIssue({ code: "custom", path: ["BOT_ID"], message: "and BOT_PASSWORD are required when NODE_ENV=production" });
    }
    if (Boolean(env.BOT_ID) !== Boolean(env.BOT_PASSWORD)) {
      context.addIssue({
        code: "custom",
        path: [env.BOT_ID ? "BOT_PASSWORD" : "BOT_ID"],
        message: "BOT_ID and BOT_PASSWORD must be set together",
      });
    }
    const entryProblems = env.BOT_SERVICE_URLS.map((entry) => serviceUrlEntryProblem(entry, env.NODE_ENV === "production")).filter(Boolean);
    for (const problem of entryProblems) context.addIssue({ code: "custom", path: ["BOT_SERVICE_URLS"], message: problem! });
    // The organiser check sends the bot's token there too, so the same list applies.
    if (entryProblems.length === 0 && env.TEAMS_SERVICE_URL && !serviceUrlAllowList(env).allows(env.TEAMS_SERVICE_URL)) {
      context.addIssue({
        code: "custom",
        path: ["TEAMS_SERVICE_URL"],
        message: "is not on the bot service URL allow-list (BOT_SERVICE_URLS)",
      });
    }
    const telemetryProblem = connectionStringProblem(env.APPLICATIONINSIGHTS_CONNECTION_STRING);
    if (telemetryProblem) context.addIssue({ code: "custom", path: ["APPLICATIONINSIGHTS_CONNECTION_STRING"], message: telemetryProblem });
    for (const [index, id] of env.PROGRAM_ADMINS.entries()) {
      if (!guid.test(id))
        context.addIssue({ code: "custom", path: ["PROGRAM_ADMINS"], message: `entry ${index + 1} is not an object id (GUID)` });
    }
  });

export type AppConfig = z.output<typeof environmentSchema>;

/**
 * What is wrong with an Application Insights connection string, if anything. The message never
 * quotes the value: it holds the instrumentation key. A mistyped string would otherwise start the
 * exporter, which fails quietly in the background and sends nothing.
 */
export function connectionStringProblem(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parts = new Map<string, string>();
  for (const part of value.split(";").filter((piece) => piece.trim() !== "")) {
    const equals = part.indexOf("=");
    if (equals <= 0) return "must be an Application Insights connection string: Key=value pairs separated by ';'";
    parts.set(part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim());
  }
  if (!guid.test(parts.get("instrumentationkey") ?? ""))
    return "must hold InstrumentationKey=<GUID> (copy the connection string from the Application Insights resource)";
  const endpoint = parts.get("ingestionendpoint");
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) return "has an IngestionEndpoint that is not an http(s) URL";
  return undefined;
}

export class ConfigError extends Error {
  /** The exit code `main` stops with (EX_CONFIG), so a supervisor can tell bad settings from a crash. */
  readonly code = "invalid_configuration";
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const variable = String(issue.path[0] ?? "environment");
  throw new ConfigError(variable, issue.message.replace(/^Invalid input: /, ""));
}

/**
 * Where the server listens, and why, for the start-up log. Development identity mode hands an
 * admin's token to anyone who asks /api/dev/token, so it stays on loopback unless HOST says otherwise.
 */
export function listenHost(config: Pick<AppConfig, "HOST" | "AUTH_MODE">): { host: string; reason: string } {
  if (config.HOST) return { host: config.HOST, reason: "HOST is set" };
  if (config.AUTH_MODE === "dev")
    return { host: "127.0.0.1", reason: "development identity mode listens on loopback only; set HOST to listen elsewhere" };
  return { host: "0.0.0.0", reason: "default for Teams identity; set HOST to listen elsewhere" };
}

/** The audiences a Teams SSO token may carry for this app. */
export function acceptedAudiences(config: AppConfig): string[] {
  if (!config.AAD_APP_CLIENT_ID) return [];
  const audiences = [config.AAD_APP_CLIENT_ID];
  const domain = config.TAB_ENDPOINT ? new URL(config.TAB_ENDPOINT).host : config.BOT_DOMAIN;
  if (domain) audiences.push(`api://${domain}/${config.AAD_APP_CLIENT_ID}`);
  if (config.BOT_DOMAIN && config.BOT_DOMAIN !== domain) audiences.push(`api://${config.BOT_DOMAIN}/${config.AAD_APP_CLIENT_ID}`);
  return audiences;
}
