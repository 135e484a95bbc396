import type { Role } from "../../../shared/roles.js";
import type { TabMessageKey } from "../i18n/messages.js";
import type { RouteName } from "../routes.js";

/** The personal app's three tabs, as the manifest lists them: what every member sees. */
export const PERSONAL_TABS: readonly { route: RouteName; path: string; label: TabMessageKey }[] = [
  { route: "home", path: "/personal/home", label: "navHome" },
  { route: "resources", path: "/personal/resources", label: "navResources" },
  { route: "myRequests", path: "/personal/requests", label: "navMyRequests" },
];

export interface Tool {
  route: RouteName;
  path: string;
  label: TabMessageKey;
  hint: TabMessageKey;
  /** Shown to people holding any one of these roles; everyone is a member. */
  forRoles: readonly Role[];
}

/**
 * The pages that are not tabs, reached from Home. Each shows only to the roles its page serves, so
 * nobody is sent to a page that then says it is not for them. The roles are the server's (GET
 * /api/me, from the token); the server checks them again on every call the page makes.
 */
export const TOOLS: readonly Tool[] = [
  { route: "queue", path: "/personal/queue", label: "toolQueue", hint: "toolQueueHint", forRoles: ["supporter"] },
  { route: "programme", path: "/personal/programme", label: "toolProgramme", hint: "toolProgrammeHint", forRoles: ["admin"] },
  { route: "insights", path: "/personal/insights", label: "toolInsights", hint: "toolInsightsHint", forRoles: ["admin"] },
  {
    route: "templates",
    path: "/personal/templates",
    label: "toolTemplates",
    hint: "toolTemplatesHint",
    forRoles: ["facilitator", "admin"],
  },
  { route: "supporters", path: "/personal/supporters", label: "toolSupporters", hint: "toolSupportersHint", forRoles: ["member"] },
  { route: "myData", path: "/personal/my-data", label: "toolMyData", hint: "toolMyDataHint", forRoles: ["member"] },
];

export function toolsFor(roles: readonly Role[]): Tool[] {
  return TOOLS.filter((tool) => tool.forRoles.some((role) => roles.includes(role)));
}

export const isToolRoute = (route: RouteName) => TOOLS.some((tool) => tool.route === route);
export const isPersonalTab = (route: RouteName) => PERSONAL_TABS.some((tab) => tab.route === route);
