import type { InsightsSettings } from "../insights/insights-report.js";

/** PUT /api/insights/settings. */
export interface InsightsSettingsResponse {
  settings: InsightsSettings;
}
