/** A clock face, "1:05", or "+0:12" in overtime: the same on every panel and the stage. */
export function clockFace(remainingMs: number, overtimeMs: number): string {
  const seconds = Math.ceil((overtimeMs || remainingMs) / 1000);
  return `${overtimeMs ? "+" : ""}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** A length of time in words, "2 min, 30 sec", in the viewer's language (Intl, no hand-made units). */
export function spokenDuration(totalSeconds: number, locale: string): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = Math.round(totalSeconds % 60);
  const unit = (value: number, name: "minute" | "second") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
  const parts = [...(minutes ? [unit(minutes, "minute")] : []), ...(seconds || !minutes ? [unit(seconds, "second")] : [])];
  return new Intl.ListFormat(locale, { style: "narrow", type: "unit" }).format(parts);
}

/** A server timestamp as this viewer's local time of day. */
export function timeOfDay(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(new Date(epochMs));
}

/** Hidden from sight, read by screen readers: live regions and table captions that the layout says already. */
export const VISUALLY_HIDDEN = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;
