import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/server-process.js";

/**
 * Issue #15's infrastructure, read from the bicep text (no bicep compiler offline): at least two
 * instances with autoscale rules, the health check on /readyz, no ARR affinity, zone redundancy
 * and Cosmos throughput as parameters, and a parameters file that only names declared parameters.
 */
const bicep = readFileSync(join(PROJECT_ROOT, "infra/azure.bicep"), "utf8");
const parameters = JSON.parse(readFileSync(join(PROJECT_ROOT, "infra/azure.parameters.json"), "utf8")) as {
  parameters: Record<string, { value: unknown }>;
};

/** The decorators and declaration of one parameter: the lines just above `param <name>` and it. */
function parameter(name: string): { declaration: string; decorators: string } {
  const lines = bicep.split("\n");
  const at = lines.findIndex((line) => line.startsWith(`param ${name} `));
  expect(at, `param ${name}`).toBeGreaterThanOrEqual(0);
  let first = at;
  while (first > 0 && lines[first - 1]!.startsWith("@")) first--;
  return { declaration: lines[at]!, decorators: lines.slice(first, at).join("\n") };
}

/** The text of one resource block, from its declaration to the closing brace at column 0. */
function resource(type: string): string {
  const start = bicep.indexOf(`'${type}@`);
  expect(start, type).toBeGreaterThanOrEqual(0);
  const end = bicep.indexOf("\n}\n", start);
  return bicep.slice(start, end);
}

describe("infra/azure.bicep for scale-out", () => {
  it("runs at least two instances, and autoscales between the minimum and the maximum on CPU and memory", () => {
    const minimum = parameter("minimumInstances");
    expect(minimum.declaration).toMatch(/^param minimumInstances int = ([2-9]|\d{2,})$/);
    expect(minimum.decorators).toMatch(/@minValue\(2\)/);
    expect(parameter("maximumInstances").declaration).toMatch(/int = \d+/);
    expect(resource("Microsoft.Web/serverfarms")).toMatch(/capacity: minimumInstances/);
    const autoscale = resource("Microsoft.Insights/autoscalesettings");
    expect(autoscale).toMatch(/targetResourceUri: serverfarm\.id/);
    expect(autoscale).toMatch(/minimum: string\(minimumInstances\), maximum: string\(maximumInstances\)/);
    expect(autoscale).toMatch(/direction: 'Increase'/);
    expect(autoscale).toMatch(/direction: 'Decrease'/);
    expect(autoscale).toMatch(/metricName: 'CpuPercentage'/);
    // Autoscale needs Standard or Premium: the default plan and the deployed one are not Free/Basic.
    expect(parameter("webAppSku").declaration).not.toMatch(/'(F1|D1|B1|B2|B3)'/);
    expect(String(parameters.parameters.webAppSku?.value)).toMatch(/^(S|P)/);
  });

  it("checks health on /readyz and turns ARR affinity off", () => {
    const site = resource("Microsoft.Web/sites");
    expect(site).toMatch(/healthCheckPath: '\/readyz'/);
    expect(site).toMatch(/clientAffinityEnabled: false/);
  });

  it("takes zone redundancy and Cosmos throughput as parameters, and uses them", () => {
    expect(parameter("zoneRedundant").declaration).toBe("param zoneRedundant bool = false");
    expect(resource("Microsoft.Web/serverfarms")).toMatch(/zoneRedundant: zoneRedundant/);
    expect(resource("Microsoft.DocumentDB/databaseAccounts")).toMatch(/isZoneRedundant: zoneRedundant/);
    const mode = parameter("cosmosThroughputMode");
    expect(mode.decorators).toMatch(/@allowed\(\['serverless', 'autoscale'\]\)/);
    expect(resource("Microsoft.DocumentDB/databaseAccounts")).toMatch(
      /cosmosThroughputMode == 'serverless' \? \[\{ name: 'EnableServerless' \}\]/,
    );
    expect(resource("Microsoft.DocumentDB/databaseAccounts/sqlDatabases")).toMatch(
      /autoscaleSettings: \{ maxThroughput: cosmosAutoscaleMaxThroughput \}/,
    );
  });

  it("has a parameters file that names only parameters the template declares", () => {
    for (const name of Object.keys(parameters.parameters)) expect(bicep, name).toMatch(new RegExp(`^param ${name} `, "m"));
  });
});
