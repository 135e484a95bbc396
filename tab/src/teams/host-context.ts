/** What the tab knows about where it runs, from Teams or from the browser when standalone. */
export type HostTheme = "default" | "dark" | "contrast";
export type FrameContext = "content" | "sidePanel" | "meetingStage" | "settings" | "standalone" | string;

export interface HostContext {
  inTeams: boolean;
  frameContext: FrameContext;
  theme: HostTheme;
  locale: string;
  timeZone: string;
  meetingId?: string;
  /** The team (its group id) or group chat the tab was added to; circles can be linked to it. */
  teamKey?: string;
}

export function normaliseTheme(theme: string | undefined): HostTheme {
  return theme === "dark" || theme === "contrast" ? theme : "default";
}

/**
 * The browser's language alone, for the shell before Teams answers: cheap, unlike the full
 * `browserContext()`, whose first Intl call loads time-zone data (about 50 ms on a busy machine).
 */
export function browserLocale(): string {
  return navigator.language || "en";
}

let systemTimeZone: string | undefined;
/** This device's time zone, read when a page first needs it: Intl's first call is slow, and the meeting surfaces never need it. */
export function deviceTimeZone(): string {
  return (systemTimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The browser's own settings, used outside Teams and to fill gaps in the Teams context. */
export function browserContext(): HostContext {
  const prefersDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  const forcedColors = typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches;
  return {
    inTeams: false,
    frameContext: "standalone",
    theme: forcedColors ? "contrast" : prefersDark ? "dark" : "default",
    locale: browserLocale(),
    get timeZone() {
      return deviceTimeZone();
    },
  };
}

/** Teams loads the tab in an iframe; a top-level window means a browser outside Teams. */
export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}
