import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../scripts/app-package.js";

const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, "tests/fixtures/schemas/teamsapp-yaml.v1.7.schema.json"), "utf8")) as object;

function validate(file: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const check = ajv.compile(schema);
  const document = parse(readFileSync(join(PROJECT_ROOT, file), "utf8")) as Record<string, unknown>;
  return { valid: check(document), errors: check.errors ?? [], document };
}

const actionsOf = (stage: unknown) => (stage as { uses: string }[]).map((step) => step.uses);

describe("Teams Toolkit project files", () => {
  it.each(["teamsapp.yml", "teamsapp.local.yml"])("%s validates against the v1.7 schema", (file) => {
    const { valid, errors } = validate(file);
    expect(errors.map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("provisions, deploys and publishes with the agreed actions in order", () => {
    const { document } = validate("teamsapp.yml");
    expect(actionsOf(document.provision)).toEqual([
      "teamsApp/create",
      "aadApp/create",
      "botAadApp/create",
      "arm/deploy",
      "aadApp/update",
      "teamsApp/validateManifest",
      "cli/runNpmCommand",
      "teamsApp/validateAppPackage",
      "teamsApp/update",
    ]);
    // The package step is npm run package, which builds the command lists from the bot's registry.
    const steps = document.provision as { uses: string; with?: { args?: string; appPackagePath?: string } }[];
    const packaging = steps[actionsOf(document.provision).indexOf("cli/runNpmCommand")]!;
    expect(packaging.with?.args).toBe("run package -- ${{TEAMSFX_ENV}}");
    expect(steps.find((step) => step.uses === "teamsApp/validateAppPackage")?.with?.appPackagePath).toBe(
      "./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip",
    );
    expect(actionsOf(document.deploy)).toEqual(["cli/runNpmCommand", "cli/runNpmCommand", "azureAppService/zipDeploy"]);
    expect(actionsOf(document.publish)).toContain("teamsApp/publishAppPackage");
  });

  it("names a bicep file that creates the web app identity, Cosmos DB with its role, and the bot", () => {
    const bicep = readFileSync(join(PROJECT_ROOT, "infra/azure.bicep"), "utf8");
    for (const resource of [
      "Microsoft.Web/serverfarms",
      "Microsoft.Web/sites",
      "Microsoft.DocumentDB/databaseAccounts",
      "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
      "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers",
      "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments",
      "Microsoft.BotService/botServices",
      "Microsoft.BotService/botServices/channels",
    ]) {
      expect(bicep).toContain(`'${resource}@`);
    }
    expect(bicep).toMatch(/type: 'SystemAssigned'/);
    expect(bicep).toMatch(/EnableServerless/);
  });
});
