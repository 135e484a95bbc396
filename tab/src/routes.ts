/** One route per frame context, as the manifest's URLs point to them. */
export type RouteName =
  | "home"
  | "teamCircles"
  | "myData"
  | "supporters"
  | "myRequests"
  | "queue"
  | "templates"
  | "programme"
  | "insights"
  | "resources"
  | "sidePanel"
  | "stage"
  | "config";

const ROUTES: Record<string, RouteName> = {
  "/": "home",
  "/personal/home": "home",
  "/personal/requests": "myRequests",
  "/personal/queue": "queue",
  "/personal/templates": "templates",
  "/personal/programme": "programme",
  "/personal/insights": "insights",
  "/personal/resources": "resources",
  "/meeting/side-panel": "sidePanel",
  "/meeting/stage": "stage",
  "/config": "config",
  "/team/circles": "teamCircles",
  "/personal/my-data": "myData",
  "/personal/supporters": "supporters",
};

/** The route a path names on its own, before Teams has said where the tab runs; "/" names none. */
export function routeOfPath(pathname: string): RouteName | undefined {
  const path = pathname.replace(/\/+$/, "") || "/";
  return path === "/" ? undefined : ROUTES[path];
}

export function routeFor(pathname: string, frameContext: string): RouteName {
  const byPath = ROUTES[pathname.replace(/\/+$/, "") || "/"];
  // Reconfiguring an existing tab opens its content URL in the settings frame.
  if (frameContext === "settings") return "config";
  if (byPath && byPath !== "home") return byPath;
  // Teams says where we are even when a URL is shared between contexts.
  if (frameContext === "sidePanel") return "sidePanel";
  if (frameContext === "meetingStage") return "stage";
  if (frameContext === "settings") return "config";
  return byPath ?? "home";
}
