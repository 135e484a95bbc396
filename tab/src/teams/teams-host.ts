import { app, authentication, meeting, pages } from "@microsoft/teams-js";
import { normaliseTheme, type HostContext, type HostTheme } from "./host-context.js";

/**
 * The tab's only contact with teams-js: start-up, context, theme changes and the SSO token.
 * Kept small so the rest of the tab can run and be tested outside Teams.
 */
export interface TeamsHost {
  context: HostContext;
  onThemeChange(listener: (theme: HostTheme) => void): void;
  getToken(): Promise<string>;
  notifySuccess(): void;
  notifyFailure(message: string): void;
  /** Puts a URL of this app on the meeting stage for everyone. */
  shareToStage(url: string): Promise<void>;
}

export async function connectToTeams(): Promise<TeamsHost> {
  await app.initialize();
  const teamsContext = await app.getContext();
  const context: HostContext = {
    inTeams: true,
    frameContext: teamsContext.page.frameContext,
    theme: normaliseTheme(teamsContext.app.theme),
    locale: teamsContext.app.locale || navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(teamsContext.meeting?.id ? { meetingId: teamsContext.meeting.id } : {}),
  };
  return {
    context,
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(normaliseTheme(theme))),
    getToken: () => authentication.getAuthToken(),
    notifySuccess: () => void app.notifySuccess(),
    notifyFailure: (message) => app.notifyFailure({ reason: app.FailedReason.Other, message }),
    shareToStage: (url) =>
      new Promise((resolve, reject) =>
        meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? "share failed")) : resolve()), url),
      ),
  };
}

/**
 * On the configuration page of the configurable tab: one URL serves every context (the tab picks
 * its view from the frame context), carrying the chosen huddle template. Save is offered only
 * once a template is chosen.
 */
export function configureTabSave(templateId: string | undefined, suggestedDisplayName: string): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    const contentUrl = new URL(`/?template=${encodeURIComponent(templateId ?? "")}`, location.origin).toString();
    pages.config
      .setConfig({ entityId: `peer-circles-${templateId ?? "huddle"}`, contentUrl, websiteUrl: contentUrl, suggestedDisplayName })
      .then(() => saveEvent.notifySuccess())
      .catch((error: unknown) => saveEvent.notifyFailure((error as Error).message));
  });
  pages.config.setValidityState(Boolean(templateId));
}
