/** Every string the tab shows, in one catalogue so the app can be translated. */
export const TAB_MESSAGES_EN = {
  appName: "Peer Circles",
  loading: "Loading Peer Circles…",
  devBanner: "Development identity: you are signed in as a sample user, not through Microsoft Teams.",
  devSwitchUser: "Sample user",
  signedInAs: "Signed in as {name}",
  yourRoles: "Your roles",
  roleMember: "Member",
  roleFacilitator: "Facilitator",
  roleSupporter: "Peer supporter",
  roleAdmin: "Programme admin",
  homeTitle: "Home",
  homeCirclesEmpty: "You are not in a peer circle yet. When your programme opens a sign-up round, you can volunteer here.",
  homeBuddyEmpty: "No buddy assigned.",
  sidePanelTitle: "Huddle",
  sidePanelEmpty: "No huddle is running in this meeting.",
  stageTitle: "Huddle",
  stageEmpty: "The huddle will appear here when the facilitator starts it.",
  configTitle: "Add Peer Circles",
  configBody: "Peer Circles will show this team's circles, huddles and support resources.",
  emergencyTitle: "Need help now?",
  emergencyBody: "Peer Circles is not an emergency service. If you or someone else is in danger, call your local emergency number.",
  errorTitle: "Something went wrong",
  errorSignIn: "We could not sign you in. Close and reopen Peer Circles.",
  errorNetwork: "Peer Circles could not reach its server. Check your connection and try again.",
  retry: "Try again",
  notInTeams: "Open Peer Circles from Microsoft Teams to sign in.",
  lastUpdated: "Updated {time}",
} as const;

export type TabMessageKey = keyof typeof TAB_MESSAGES_EN;

export function formatMessage(key: TabMessageKey, values: Record<string, string> = {}): string {
  return TAB_MESSAGES_EN[key].replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? `{${name}}`);
}
