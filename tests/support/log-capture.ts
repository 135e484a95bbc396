import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Words that tests submit as request text, relayed messages or chat messages. None of them may
 * appear in any server log written during the whole suite (privacy rule 2).
 */
export const SUBMITTED_TEXTS = [
  "words only the requester and the claimer may read",
  "The reorg has me working every weekend",
  "Is Thursday good for you?",
  "Could we talk on Thursday?",
  "Too many late nights",
  "struggling with my workload",
  "see a way out",
  "My workload is unmanageable",
  "private words",
  "channel secret",
  "race words",
  "queue secret",
  "secret words about my manager",
  "end my life tonight",
];

/** Vitest global setup: every server started by the suite logs at debug level into one folder. */
export default function setup(): () => void {
  const directory = mkdtempSync(join(tmpdir(), "peer-circles-logs-"));
  process.env.PEER_CIRCLES_LOG_CAPTURE_DIR = directory;
  return () => {
    const files = readdirSync(directory);
    const leaks: string[] = [];
    let bytes = 0;
    for (const file of files) {
      const content = readFileSync(join(directory, file), "utf8");
      bytes += content.length;
      for (const text of SUBMITTED_TEXTS) if (content.includes(text)) leaks.push(`${file}: "${text}"`);
    }
    rmSync(directory, { recursive: true, force: true });
    if (leaks.length > 0) {
      // An error thrown in a global teardown is only printed, so the exit code is set as well.
      process.exitCode = 1;
      throw new Error(`Submitted text found in server logs:\n${leaks.join("\n")}`);
    }
    console.log(`Log privacy check: ${files.length} server logs, ${bytes} bytes, none contains submitted text.`);
  };
}
