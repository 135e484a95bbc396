/** `npm run package [-- <env>]`: builds the Teams app package for an environment (default: local). */
import { relative } from "node:path";
import { buildAppPackage, PROJECT_ROOT } from "./app-package.js";

const environmentName = process.argv[2] ?? process.env.TEAMSFX_ENV ?? "local";
try {
  const zipPath = await buildAppPackage(environmentName);
  console.log(`Wrote ${relative(PROJECT_ROOT, zipPath)}`);
} catch (error) {
  console.error(`Could not package for "${environmentName}": ${(error as Error).message}`);
  process.exit(1);
}
