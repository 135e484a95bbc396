import { isLocalDate } from "../zoned-time.js";

/**
 * The peer supporters' roster: when each was trained, when their refresher falls due, and whether
 * their caseload leaves room for more. Pure, so the API, the bot and the tab agree.
 */

/** Refreshers fall due a year after training, as the programme's training guidance sets out. */
export const REFRESHER_MONTHS = 12;
/** How early the roster starts flagging a refresher as coming up. */
export const REFRESHER_WARNING_DAYS = 30;
/** After handling a crisis, a supporter is reminded of their own support for this long. */
export const CRISIS_NUDGE_DAYS = 7;
export const DEFAULT_CASELOAD_CAP = 3;

export type TrainingStatus = "untrained" | "current" | "due_soon" | "overdue";

/** A year on from training, on the same day; 29 February becomes 28 February. */
export function refresherDue(trainedOn: string, months = REFRESHER_MONTHS): string {
  if (!isLocalDate(trainedOn)) throw new RangeError("trainedOn must be YYYY-MM-DD");
  const [year, month, day] = trainedOn.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `today` is the viewer's local date (YYYY-MM-DD), so "due" turns over at their midnight. */
export function trainingStatus(trainedOn: string | undefined, today: string): TrainingStatus {
  if (!trainedOn) return "untrained";
  const daysLeft = daysBetween(today, refresherDue(trainedOn));
  if (daysLeft < 0) return "overdue";
  return daysLeft <= REFRESHER_WARNING_DAYS ? "due_soon" : "current";
}

/** A supporter at their cap is left out of new-request routing until a case closes. */
export function hasCaseloadRoom(activeCases: number, cap: number): boolean {
  return activeCases < cap;
}
