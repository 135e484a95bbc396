import { AppError } from "../../../shared/app-error.js";
import { addWeeks, isoWeek, MAX_RANGE_WEEKS, weeksBetween } from "../../../shared/insights/iso-week.js";
import type { InsightsReport, InsightsSettings } from "../../../shared/insights/insights-report.js";
import { z } from "zod";
import { requestRecordPages } from "../requests/request-lists.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import { buildReport } from "./build-report.js";
import { requestCells, type RequestFacts } from "./request-cells.js";
import { WeekAggregates } from "./week-aggregate.js";
import { serverMessage } from "../http/server-messages.js";

export const INSIGHTS_SETTINGS_ID = "insights-settings";
/** The range shown when an admin has not chosen one: the last twelve weeks. */
export const DEFAULT_RANGE_WEEKS = 12;
/** Requests are read a bounded page at a time, and never more than this many for one report. */
const REQUEST_PAGE = 500;
export const MAX_REQUESTS_READ = 100_000;

interface InsightsSettingsDocument extends InsightsSettings {
  kind: "insightsSettings";
}

const settingsSchema: z.ZodType<InsightsSettingsDocument> = z.looseObject({
  kind: z.literal("insightsSettings"),
  programmeSize: z.number().optional(),
  targetShare: z.number().optional(),
  targetBy: z.string().optional(),
});

export interface InsightsQueryInput {
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
  urgency?: string | undefined;
}

/**
 * Programme insights for one tenant. A dashboard costs one point read per week (the anonymous week
 * aggregates the participation recorder keeps), one for the settings, and a paged, capped read of
 * the tenant's requests, which are few next to participation events and are read as they stand so
 * that erasure and retention apply to the figures at once.
 */
export class InsightsService {
  private readonly weeks: WeekAggregates;
  private readonly settingsDocuments;

  constructor(
    private readonly store: DocumentStore,
    /** Each rostered supporter's training standing on a given day (YYYY-MM-DD). */
    private readonly trainingStandings: (tenantId: string, today: string) => Promise<string[]> = async () => [],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.weeks = new WeekAggregates(store);
    this.settingsDocuments = collection(store, "settings", "insightsSettings", settingsSchema);
  }

  async report(tenantId: string, query: InsightsQueryInput): Promise<InsightsReport> {
    const to = query.to ?? (query.from ? minWeek(addWeeks(query.from, DEFAULT_RANGE_WEEKS - 1), isoWeek(this.now())) : isoWeek(this.now()));
    const from = query.from ?? addWeeks(to, -(DEFAULT_RANGE_WEEKS - 1));
    if (from > to) throw new AppError("bad_request", serverMessage("insightsFromAfterTo"));
    const weeks = weeksBetween(from, to, MAX_RANGE_WEEKS + 1);
    if (weeks.length > MAX_RANGE_WEEKS)
      throw new AppError("bad_request", serverMessage("insightsRangeTooLong", { weeks: String(MAX_RANGE_WEEKS) }));
    const today = this.now().toISOString().slice(0, 10);
    const [settings, aggregates, requests, trainingStatuses] = await Promise.all([
      this.settings(tenantId),
      this.weeks.read(tenantId, weeks),
      this.requestFacts(tenantId),
      this.trainingStandings(tenantId, today),
    ]);
    return buildReport({
      weeks,
      filter: { ...(query.category ? { category: query.category } : {}), ...(query.urgency ? { urgency: query.urgency } : {}) },
      settings,
      aggregates,
      requests: requestCells(requests, from, to),
      training: { asOf: today, statuses: trainingStatuses },
    });
  }

  /**
   * The facts of the tenant's requests, page by page up to a cap: retention deletes closed requests
   * after their time, so a tenant far past the cap would be one whose retention is not running.
   */
  private async requestFacts(tenantId: string): Promise<RequestFacts[]> {
    const facts: RequestFacts[] = [];
    for await (const page of requestRecordPages(this.store, tenantId, REQUEST_PAGE)) {
      facts.push(...page);
      if (facts.length >= MAX_REQUESTS_READ) break;
    }
    return facts.slice(0, MAX_REQUESTS_READ);
  }

  async settings(tenantId: string): Promise<InsightsSettings> {
    const stored = await this.settingsDocuments.get(tenantId, INSIGHTS_SETTINGS_ID);
    const { programmeSize, targetShare, targetBy } = stored?.value ?? {};
    return {
      ...(typeof programmeSize === "number" ? { programmeSize } : {}),
      ...(typeof targetShare === "number" ? { targetShare } : {}),
      ...(typeof targetBy === "string" ? { targetBy } : {}),
    };
  }

  /** Replaces the settings; the last admin to save wins, since nothing else depends on their version. */
  async saveSettings(tenantId: string, settings: InsightsSettings): Promise<InsightsSettings> {
    const value: InsightsSettingsDocument = { kind: "insightsSettings", ...settings };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const stored = await this.settingsDocuments.get(tenantId, INSIGHTS_SETTINGS_ID);
      try {
        if (stored) await this.settingsDocuments.replace(tenantId, INSIGHTS_SETTINGS_ID, value, { ifMatch: stored.etag });
        else await this.settingsDocuments.create(tenantId, INSIGHTS_SETTINGS_ID, value);
        return this.settings(tenantId);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new AppError("conflict", serverMessage("insightsSettingsBusy"));
  }
}

function minWeek(a: string, b: string): string {
  return a < b ? a : b;
}
