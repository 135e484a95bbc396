import { describe, expect, it } from "vitest";
import {
  createServiceUrlAllowList,
  DEFAULT_BOT_SERVICE_URLS,
  serviceUrlAllowList,
  serviceUrlEntryProblem,
} from "./service-url-allow-list.js";

const defaults = createServiceUrlAllowList(DEFAULT_BOT_SERVICE_URLS, true);

describe("bot service URL allow-list", () => {
  it.each([
    "https://smba.trafficmanager.net/teams/",
    "https://smba.trafficmanager.net/emea/",
    "https://smba.trafficmanager.net/amer/",
    "https://smba.infra.gcc.teams.microsoft.com/teams",
    "https://smba.infra.gov.teams.microsoft.us/teams",
    "https://smba.infra.dod.teams.microsoft.us/teams",
    "https://webchat.botframework.com/",
    "https://directline.botframework.com/",
    "https://SMBA.trafficmanager.NET/emea/",
  ])("allows %s", (serviceUrl) => {
    expect(defaults.allows(serviceUrl)).toBe(true);
  });

  it.each([
    ["plain http", "http://smba.trafficmanager.net/teams/"],
    ["a look-alike host", "https://smba.trafficmanager.net.evil.example/teams/"],
    ["the allowed host in a path", "https://evil.example/smba.trafficmanager.net/"],
    ["credentials before the host", "https://smba.trafficmanager.net@evil.example/"],
    ["user info on the allowed host", "https://someone@smba.trafficmanager.net/teams/"],
    ["another port", "https://smba.trafficmanager.net:8443/teams/"],
    ["the bare wildcard domain", "https://botframework.com/"],
    ["a domain that only ends alike", "https://evilbotframework.com/"],
    ["no URL", undefined],
    ["not a string", 42],
    ["not a URL", "smba.trafficmanager.net"],
  ])("refuses %s", (_label, serviceUrl) => {
    expect(defaults.allows(serviceUrl)).toBe(false);
  });

  it("matches path prefixes on whole segments, after resolving dot segments", () => {
    const list = createServiceUrlAllowList(["https://connector.example.com/teams/"], true);
    expect(list.allows("https://connector.example.com/teams/v3/")).toBe(true);
    expect(list.allows("https://connector.example.com/teamsx/")).toBe(false);
    expect(list.allows("https://connector.example.com/teams/../admin/")).toBe(false);
  });

  it("is enforced in production with the defaults, and elsewhere only when configured", () => {
    expect(serviceUrlAllowList({ NODE_ENV: "production", BOT_SERVICE_URLS: [] }).allows("https://evil.example/")).toBe(false);
    expect(serviceUrlAllowList({ NODE_ENV: "development", BOT_SERVICE_URLS: [] }).allows("http://127.0.0.1:4000/")).toBe(true);
    const configured = serviceUrlAllowList({ NODE_ENV: "development", BOT_SERVICE_URLS: ["http://127.0.0.1:4000/"] });
    expect(configured.allows("http://127.0.0.1:4000/")).toBe(true);
    expect(configured.allows("http://127.0.0.1:4001/")).toBe(false);
  });

  it("accepts a loopback stand-in over http outside production only", () => {
    expect(serviceUrlEntryProblem("http://127.0.0.1:4000/", false)).toBeUndefined();
    expect(serviceUrlEntryProblem("http://127.0.0.1:4000/", true)).toMatch(/https/);
    expect(serviceUrlEntryProblem("http://connector.example.com/", false)).toMatch(/https/);
    for (const entry of DEFAULT_BOT_SERVICE_URLS) expect(serviceUrlEntryProblem(entry, true)).toBeUndefined();
  });

  it.each(["https://*.*.example.com/", "https://a.*.example.com/", "https://*.com/", "https://x/?q=1", "https://x/#f"])(
    "refuses the entry %s",
    (entry) => {
      expect(serviceUrlEntryProblem(entry, true)).toEqual(expect.any(String));
    },
  );
});
