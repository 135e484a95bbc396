import { z } from "zod";
import { isLocalDate } from "../../../shared/zoned-time.js";
import { isIsoWeek } from "../../../shared/insights/iso-week.js";
import { reportCsv } from "../../../shared/insights/insights-csv.js";
import { INSIGHT_URGENCIES, type InsightsReport } from "../../../shared/insights/insights-report.js";
import { REQUEST_CATEGORIES } from "../../../shared/requests/help-request.js";
import { parseInput, type ApiRequest, type ApiRoute, type ApiServices } from "../api/api-routes.js";
import type { InsightsSettingsResponse } from "../../../shared/api/index.js";

const week = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, "must be an ISO week such as 2026-W07")
  .refine(isIsoWeek, "is not a week of that year");

/** Unknown parameters are refused rather than ignored, so a mistyped filter never looks like "all". */
const insightsQuery = z.strictObject({
  from: week.optional(),
  to: week.optional(),
  category: z.enum(REQUEST_CATEGORIES).optional(),
  urgency: z.enum(INSIGHT_URGENCIES).optional(),
});

const settingsBody = z.strictObject({
  programmeSize: z.number().int().min(1).max(5_000_000),
  targetShare: z.number().min(0).max(1).optional(),
  targetBy: z.string().refine(isLocalDate, "is not a date written YYYY-MM-DD").optional(),
});

/** Admins see aggregates only (PRODUCT.md, flow E). */
async function reportFor({ caller, query }: ApiRequest, { insights }: ApiServices): Promise<InsightsReport> {
  const input = parseInput(insightsQuery, query ?? {});
  return insights.report(caller.tenantId, input);
}

export const INSIGHTS_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/insights",
    role: "admin",
    acceptsBody: false,
    handle: async (request, services) => ({ body: (await reportFor(request, services)) satisfies InsightsReport }),
  },
  {
    method: "get",
    path: "/api/insights.csv",
    role: "admin",
    acceptsBody: false,
    // The same report as the JSON, written out row for row: the export is exactly what is shown.
    handle: async (request, services) => {
      const report = await reportFor(request, services);
      return {
        body: reportCsv(report),
        download: { contentType: "text/csv; charset=utf-8", filename: `peer-circles-insights-${report.from}-to-${report.to}.csv` },
      };
    },
  },
  {
    method: "put",
    path: "/api/insights/settings",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, body }, { insights }) => ({
      body: { settings: await insights.saveSettings(caller.tenantId, parseInput(settingsBody, body)) } satisfies InsightsSettingsResponse,
    }),
  },
];
