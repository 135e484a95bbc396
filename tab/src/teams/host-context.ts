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

/** The browser's own settings, used outside Teams and to fill gaps in the Teams context. */
export function browserContext(): HostContext {
  const prefersDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  const forcedColors = typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches;
  return {
    inTeams: false,
    frameContext: "standalone",
    theme: forcedColors ? "contrast" : prefersDark ? "dark" : "default",
    locale: navigator.language || "en",
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
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
