/** One route per frame context, as the manifest's URLs point to them. */
export type RouteName = "home" | "myRequests" | "queue" | "templates" | "programme" | "sidePanel" | "stage" | "config";

const ROUTES: Record<string, RouteName> = {
  "/": "home",
  "/personal/home": "home",
  "/personal/requests": "myRequests",
  "/personal/queue": "queue",
  "/personal/templates": "templates",
  "/personal/programme": "programme",
  "/meeting/side-panel": "sidePanel",
  "/meeting/stage": "stage",
  "/config": "config",
};

export function routeFor(pathname: string, frameContext: string): RouteName {
  const byPath = ROUTES[pathname.replace(/\/+$/, "") || "/"];
  if (byPath && byPath !== "home") return byPath;
  // Teams says where we are even when a URL is shared between contexts.
  if (frameContext === "sidePanel") return "sidePanel";
  if (frameContext === "meetingStage") return "stage";
  if (frameContext === "settings") return "config";
  return byPath ?? "home";
}
