// The cold-start baseline: express and an lmdb store opened as the embedded store opens its own,
// answering /readyz after a read, with nothing of the app. Plain JavaScript, run with plain node.
import process from "node:process";
import express from "express";
import { open } from "lmdb";

const db = open({ path: process.env.DATA_DIR, compression: true, mapSize: 2 ** 30 });
const app = express();
app.get("/readyz", async (_request, response) => {
  await db.get("readiness");
  response.json({ status: "ready" });
});
app.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
process.once("SIGTERM", () => process.exit(0));
