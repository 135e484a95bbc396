import { describe, expect, it } from "vitest";
import { acceptedAudiences, ConfigError, listenHost, loadConfig } from "./config.js";

const clientId = "11111111-2222-3333-4444-555555555555";

function failureOf(environment: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error("expected loadConfig to fail");
}

describe("loadConfig", () => {
  it("applies defaults for a local development run", () => {
    const config = loadConfig({ AUTH_MODE: "dev" });
    expect(config).toMatchObject({
      PORT: 3978,
      DATA_DIR: ".data",
      COSMOS_DATABASE: "peer-circles",
      PROGRAM_ADMINS: [],
      NODE_ENV: "development",
    });
  });

  it.each([
    [{ AUTH_MODE: "dev", PORT: "eighty" }, "PORT"],
    [{ AUTH_MODE: "dev", PORT: "70000" }, "PORT"],
    [{ AUTH_MODE: "dev", COSMOS_ENDPOINT: "not a url" }, "COSMOS_ENDPOINT"],
    [{ AUTH_MODE: "dev", TAB_ENDPOINT: "ftp://example.com" }, "TAB_ENDPOINT"],
    [{ AUTH_MODE: "dev", NODE_ENV: "production" }, "AUTH_MODE"],
    [{ AUTH_MODE: "sideways" }, "AUTH_MODE"],
    [{}, "AAD_APP_CLIENT_ID"],
    [{ AAD_APP_CLIENT_ID: "not-a-guid" }, "AAD_APP_CLIENT_ID"],
    [{ AUTH_MODE: "dev", BOT_ID: clientId }, "BOT_PASSWORD"],
    [{ AUTH_MODE: "dev", PROGRAM_ADMINS: `${clientId},bob` }, "PROGRAM_ADMINS"],
    [{ AUTH_MODE: "dev", LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ NODE_ENV: "production", AAD_APP_CLIENT_ID: clientId }, "BOT_ID"],
    [{ AUTH_MODE: "dev", BOT_SERVICE_URLS: "http://connector.example.com/" }, "BOT_SERVICE_URLS"],
    [
      { AUTH_MODE: "dev", BOT_SERVICE_URLS: "https://connector.example.com/", TEAMS_SERVICE_URL: "https://other.example.com/" },
      "TEAMS_SERVICE_URL",
    ],
    [{ AUTH_MODE: "dev", APPLICATIONINSIGHTS_CONNECTION_STRING: "not a connection string" }, "APPLICATIONINSIGHTS_CONNECTION_STRING"],
    [{ AUTH_MODE: "dev", APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=abc" }, "APPLICATIONINSIGHTS_CONNECTION_STRING"],
    [
      { AUTH_MODE: "dev", APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${clientId};IngestionEndpoint=somewhere` },
      "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ],
  ])("refuses %j naming %s", (environment, variable) => {
    const error = failureOf(environment);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(error.message).not.toContain("\n");
  });

  it("listens on loopback in development identity mode unless HOST says otherwise", () => {
    expect(listenHost(loadConfig({ AUTH_MODE: "dev" }))).toMatchObject({
      host: "127.0.0.1",
      reason: expect.stringMatching(/development identity/),
    });
    expect(listenHost(loadConfig({ AUTH_MODE: "dev", HOST: "0.0.0.0" }))).toMatchObject({ host: "0.0.0.0", reason: "HOST is set" });
    expect(listenHost(loadConfig({ AAD_APP_CLIENT_ID: clientId }))).toMatchObject({ host: "0.0.0.0" });
  });

  it("takes an Application Insights connection string, and never quotes a refused one", () => {
    const valid = `InstrumentationKey=${clientId};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/`;
    expect(loadConfig({ AUTH_MODE: "dev", APPLICATIONINSIGHTS_CONNECTION_STRING: valid }).APPLICATIONINSIGHTS_CONNECTION_STRING).toBe(
      valid,
    );
    expect(
      loadConfig({ AUTH_MODE: "dev", APPLICATIONINSIGHTS_CONNECTION_STRING: "" }).APPLICATIONINSIGHTS_CONNECTION_STRING,
    ).toBeUndefined();
    const secret = "InstrumentationKey=very-secret-key";
    expect(failureOf({ AUTH_MODE: "dev", APPLICATIONINSIGHTS_CONNECTION_STRING: secret }).message).not.toContain("very-secret-key");
  });

  it("splits comma-separated lists", () => {
    const config = loadConfig({ AUTH_MODE: "dev", PROGRAM_ADMINS: ` ${clientId} ,`, ALLOWED_TENANTS: "a,b" });
    expect(config.PROGRAM_ADMINS).toEqual([clientId]);
    expect(config.ALLOWED_TENANTS).toEqual(["a", "b"]);
  });

  it("accepts the client id and the api:// URI as audiences", () => {
    const config = loadConfig({ AAD_APP_CLIENT_ID: clientId, TAB_ENDPOINT: "https://peer.example.com" });
    expect(acceptedAudiences(config)).toEqual([clientId, `api://peer.example.com/${clientId}`]);
  });
});
