import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedStore } from "./bot/src/storage/embedded-store.js";
import { InsightsService } from "./bot/src/insights/insights-service.js";
import { DEV_TENANT_ID } from "./bot/src/auth/dev-identity.js";
import { addWeeks, isoWeek, weeksBetween } from "./shared/insights/iso-week.js";
import { WeekAggregates } from "./bot/src/insights/week-aggregate.js";
import { requestCells } from "./bot/src/insights/request-cells.js";
import { generateInsightsTenant } from "./bench/insights.js";
const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), "prof-"));
if (!process.argv[2]) { await generateInsightsTenant(dir); console.log(dir); }
const store = new EmbeddedStore({ directory: dir });
const to = isoWeek(new Date()); const from = addWeeks(to, -51);
const svc = new InsightsService(store);
const weeks = weeksBetween(from, to);
for (let i = 0; i < 15; i++) {
  let t = performance.now();
  const agg = await new WeekAggregates(store).read(DEV_TENANT_ID, weeks);
  const t1 = performance.now();
  const reqs = await store.query("requests", DEV_TENANT_ID);
  const t2 = performance.now();
  const cells = requestCells(reqs.map(d => d.value), from, to);
  const t3 = performance.now();
  const r = await svc.report(DEV_TENANT_ID, { from, to });
  const t4 = performance.now();
  const json = JSON.stringify(r);
  const t5 = performance.now();
  console.log({ agg: (t1-t).toFixed(1), query: (t2-t1).toFixed(1), n: reqs.length, cells: (t3-t2).toFixed(1), report: (t4-t3).toFixed(1), json: (t5-t4).toFixed(1), bytes: json.length });
}
await store.close();
