import { ApiClient, fetchDevIdentities, fetchDevToken } from "./api/api-client.js";
import { browserContext, isFramed, type HostContext, type HostTheme } from "./teams/host-context.js";

/** Present whenever the server runs in development identity mode; switching is offered outside Teams only. */
export interface DevIdentityChoice {
  current?: string;
  users: { key: string; displayName: string }[];
  switchTo?(userKey: string): void;
}

/** Everything the tab needs after start-up: where it runs, how to call the API, how to follow theme changes. */
export interface Session {
  context: HostContext;
  api: ApiClient;
  onThemeChange(listener: (theme: HostTheme) => void): void;
  notifySuccess(): void;
  notifyFailure(message: string): void;
  /** Only inside a Teams meeting. */
  shareToStage?(url: string): Promise<void>;
  /** Teams' people picker, when the host has one (not in every client). */
  pickPerson?(): Promise<{ userId: string; displayName: string } | undefined>;
  devIdentity?: DevIdentityChoice;
}

/** teams-js is a chunk of its own, so the shell paints while it downloads and initializes. */
export const loadTeamsHost = () => import("./teams/teams-host.js");

const DEV_USER_STORAGE_KEY = "peer-circles.dev-user";

export async function startSession(): Promise<Session> {
  if (isFramed()) {
    // Inside Teams the development-identity probe only adds a banner: an unreachable server must not stop the tab.
    const [host, devUsers] = await Promise.all([
      loadTeamsHost().then((teams) => teams.connectToTeams()),
      fetchDevIdentities().catch(() => []),
    ]);
    return {
      context: host.context,
      api: new ApiClient(host.getToken),
      onThemeChange: host.onThemeChange,
      notifySuccess: host.notifySuccess,
      notifyFailure: host.notifyFailure,
      ...(host.context.meetingId ? { shareToStage: host.shareToStage } : {}),
      ...(host.pickPerson ? { pickPerson: host.pickPerson } : {}),
      ...(devUsers.length ? { devIdentity: { users: [] } } : {}),
    };
  }
  return startStandaloneSession();
}

/** Outside Teams the server must be in development identity mode; the person picks a sample user. */
async function startStandaloneSession(): Promise<Session> {
  const users = await fetchDevIdentities();
  const stored = sessionStorage.getItem(DEV_USER_STORAGE_KEY);
  const current = users.find((user) => user.key === stored)?.key ?? users[0]?.key ?? "";
  const context = browserContext();
  const darkQuery = matchMedia("(prefers-color-scheme: dark)");
  const devIdentity: DevIdentityChoice | undefined = users.length
    ? {
        current,
        users,
        switchTo: (userKey) => {
          sessionStorage.setItem(DEV_USER_STORAGE_KEY, userKey);
          location.reload();
        },
      }
    : undefined;
  return {
    context,
    api: new ApiClient(() => fetchDevToken(current)),
    onThemeChange: (listener) => darkQuery.addEventListener("change", () => listener(browserContext().theme)),
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
    ...(devIdentity ? { devIdentity } : {}),
  };
}
