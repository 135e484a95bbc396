import { useEffect, useState, type ComponentType } from "react";
import type { RouteName } from "./routes.js";
import type { Session } from "./session.js";

type PageComponent = ComponentType<{ session: Session }>;
type PageModule = { default: PageComponent };
export type RoutePage = { status: "loading" } | { status: "ready"; Page: PageComponent } | { status: "failed"; error: unknown };

/**
 * One chunk per frame context, so a side panel does not download the personal app's pages. The
 * shell calls a route's loader as soon as it knows the route, before Teams has answered, so the
 * page's chunk downloads while teams-js starts.
 */
export const PAGE_LOADERS: Record<RouteName, () => Promise<PageModule>> = {
  config: () => import("./pages/config-page.js").then((module) => ({ default: module.ConfigPage })),
  home: () => import("./pages/home-page.js").then((module) => ({ default: module.HomePage })),
  myRequests: () => import("./pages/my-requests-page.js").then((module) => ({ default: module.MyRequestsPage })),
  queue: () => import("./pages/queue-page.js").then((module) => ({ default: module.QueuePage })),
  programme: () => import("./pages/programme-page.js").then((module) => ({ default: module.ProgrammePage })),
  // Insights bring the charting library; only this page's chunk (and its charts' own) ever loads it.
  insights: () => import("./pages/insights-page.js").then((module) => ({ default: module.InsightsPage })),
  resources: () => import("./pages/resources-page.js").then((module) => ({ default: module.ResourcesPage })),
  supporters: () => import("./pages/supporters-page.js").then((module) => ({ default: module.SupportersPage })),
  myData: () => import("./pages/my-data-page.js").then((module) => ({ default: module.MyDataPage })),
  teamCircles: () => import("./pages/team-circles-page.js").then((module) => ({ default: module.TeamCirclesPage })),
  templates: () => import("./pages/templates-page.js").then((module) => ({ default: module.TemplatesPage })),
  sidePanel: () => import("./pages/meeting-pages.js").then((module) => ({ default: module.SidePanelPage })),
  stage: () => import("./pages/meeting-pages.js").then((module) => ({ default: module.StagePage })),
};

/** The route's page component once its chunk has loaded (undefined while there is no route yet). */
export function useRoutePage(route: RouteName | undefined): RoutePage | undefined {
  const [loaded, setLoaded] = useState<{ route: RouteName; page: RoutePage }>();
  useEffect(() => {
    if (!route) return;
    let current = true;
    PAGE_LOADERS[route]().then(
      (module) => current && setLoaded({ route, page: { status: "ready", Page: module.default } }),
      (error: unknown) => current && setLoaded({ route, page: { status: "failed", error } }),
    );
    return () => {
      current = false;
    };
  }, [route]);
  if (!route) return undefined;
  return loaded?.route === route ? loaded.page : { status: "loading" };
}
