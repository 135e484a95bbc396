import { app, authentication, meeting, pages, people } from "@microsoft/teams-js";
import { deviceTimeZone, normaliseTheme, type HostContext, type HostTheme } from "./host-context.js";

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
  /** Teams' own people picker, where the host offers one. */
  pickPerson?(): Promise<{ userId: string; displayName: string } | undefined>;
}

/** What a configurable tab shows: a huddle (in a meeting) or the team's circles (in a channel or chat). */
export type TabChoice = { kind: "huddle"; templateId: string | undefined } | { kind: "teamCircles" };

/** The team's thread id (not its group id): the id the bot's roster of the team answers to. */
function teamKeyOf(context: app.Context): string | undefined {
  return context.team?.internalId ?? context.chat?.id;
}

export async function connectToTeams(): Promise<TeamsHost> {
  await app.initialize();
  const teamsContext = await app.getContext();
  const context: HostContext = {
    inTeams: true,
    frameContext: teamsContext.page.frameContext,
    theme: normaliseTheme(teamsContext.app.theme),
    locale: teamsContext.app.locale || navigator.language,
    get timeZone() {
      return deviceTimeZone();
    },
    ...(teamsContext.meeting?.id ? { meetingId: teamsContext.meeting.id } : {}),
    ...(teamKeyOf(teamsContext) ? { teamKey: teamKeyOf(teamsContext)! } : {}),
  };
  // A page's first requests go out together; they share one token request to Teams instead of one each.
  let tokenInFlight: Promise<string> | undefined;
  return {
    context,
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(normaliseTheme(theme))),
    getToken: () =>
      (tokenInFlight ??= authentication.getAuthToken().finally(() => {
        tokenInFlight = undefined;
      })),
    notifySuccess: () => void app.notifySuccess(),
    notifyFailure: (message) => app.notifyFailure({ reason: app.FailedReason.Other, message }),
    shareToStage: (url) =>
      new Promise((resolve, reject) =>
        meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? "share failed")) : resolve()), url),
      ),
    ...(people.isSupported()
      ? {
          pickPerson: async () => {
            const [picked] = await people.selectPeople({ singleSelect: true, setSelected: [] });
            return picked ? { userId: picked.objectId, displayName: picked.displayName ?? "" } : undefined;
          },
        }
      : {}),
  };
}

/**
 * On the configuration page of the configurable tab. In a meeting, one URL serves every meeting
 * context (the tab picks its view from the frame context) and carries the chosen huddle template,
 * so Save waits for a template. In a channel or chat the tab shows that team's circles.
 */
export function configureTabSave(choice: TabChoice, suggestedDisplayName: string): void {
  const ready = choice.kind === "teamCircles" || Boolean(choice.templateId);
  pages.config.registerOnSaveHandler((saveEvent) => {
    const path = choice.kind === "teamCircles" ? "/team/circles" : `/?template=${encodeURIComponent(choice.templateId ?? "")}`;
    const contentUrl = new URL(path, location.origin).toString();
    const entityId = choice.kind === "teamCircles" ? "peer-circles-team-circles" : `peer-circles-${choice.templateId ?? "huddle"}`;
    pages.config
      .setConfig({ entityId, contentUrl, websiteUrl: contentUrl, suggestedDisplayName })
      .then(() => saveEvent.notifySuccess())
      .catch((error: unknown) => saveEvent.notifyFailure((error as Error).message));
  });
  pages.config.setValidityState(ready);
}
