// The fan-out baseline: a bare node:http server that keeps Server-Sent Event streams per huddle and
// broadcasts a state to every stream of a huddle when it is told "next". No auth, no store, no
// huddle logic; the same paths and the same event shape as the app, so one load generator drives both.
import { createServer } from "node:http";
import process from "node:process";

const streams = new Map();
const steps = new Map();
const event = (meetingId) => `event: state\ndata: ${JSON.stringify({ meetingId, stepIndex: steps.get(meetingId) ?? 0 })}\n\n`;
const server = createServer((request, response) => {
  if (request.url === "/readyz") return response.writeHead(200).end();
  const match = /^\/api\/huddles\/([^/]+)\/(events|actions)$/.exec(request.url ?? "");
  if (!match) return response.writeHead(404).end();
  const meetingId = decodeURIComponent(match[1]);
  if (match[2] === "events") {
    response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive" });
    response.write(event(meetingId));
    const open = streams.get(meetingId) ?? new Set();
    streams.set(meetingId, open.add(response));
    request.once("close", () => open.delete(response));
    return;
  }
  request.resume();
  request.once("end", () => {
    steps.set(meetingId, (steps.get(meetingId) ?? 0) + 1);
    const payload = event(meetingId);
    for (const stream of streams.get(meetingId) ?? []) stream.write(payload);
    response.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
process.once("SIGTERM", () => process.exit(0));
