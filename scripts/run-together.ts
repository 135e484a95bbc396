/**
 * Runs npm scripts at the same time and fails if any fails: `npm test` checks types and lint side
 * by side, since each is one single-threaded process and the machine has two cores. Each script's
 * output is held and printed whole when it ends, so the two never interleave.
 *   node --import tsx scripts/run-together.ts typecheck lint
 */
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: run-together.ts <npm script>...");
  process.exit(2);
}

const runs = scripts.map(
  (script) =>
    new Promise<number>((resolve) => {
      const started = performance.now();
      const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
      const output: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
      child.on("close", (code) => {
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        process.stdout.write(`\n> ${script} (${code === 0 ? "passed" : `failed, exit code ${code}`}, ${seconds} s)\n`);
        process.stdout.write(Buffer.concat(output));
        resolve(code ?? 1);
      });
    }),
);

const codes = await Promise.all(runs);
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
