import { prettyFactory } from "pino-pretty";

/**
 * `npm start` only: the server writes one JSON object per line, as in production, and this turns
 * each line into a short readable one for the terminal. The server's own output never changes, so
 * production (which never runs this) stays JSON, and nothing is added to a line: what the server
 * kept out of its logs (message text, names, tokens) is not there to print.
 */
export function readableLogs(colour: boolean): (line: string) => string {
  const pretty = prettyFactory({
    colorize: colour,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,service",
    singleLine: true,
  });
  return (line) => {
    if (!line.startsWith("{")) return line;
    try {
      return pretty(JSON.parse(line) as object).trimEnd();
    } catch {
      return line;
    }
  };
}
