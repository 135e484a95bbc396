import { prefetchHuddle } from "./huddles/huddle-prefetch.js";
import { languageOf, loadCatalogue } from "./i18n/messages.js";
import { PAGE_LOADERS } from "./page-loaders.js";
import { routeFor, routeOfPath, type RouteName } from "./routes.js";
import { startSession, type Session } from "./session.js";

/** A page's chunk, fetched ahead of rendering; a failure shows when the page itself asks for it. */
function preload(route: RouteName): void {
  PAGE_LOADERS[route]().catch(() => undefined);
}

/**
 * After the browser has painted the shell: a frame, then a task. Hidden frames get no animation
 * frames (Teams may load a tab out of sight), so a short timer stands in for it there.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/**
 * Everything the tab can start without waiting for its pages: teams-js and its
 * `app.initialize()`, the page's chunk when the path names the page, and, once Teams has said
 * where the tab runs, that page's chunk and a meeting surface's first requests. It starts once the
 * shell has painted, so evaluating teams-js and queueing chunk downloads do not hold it back; the
 * page links teams-js for preloading, so it has downloaded by then.
 */
export function startTab(): Promise<Session> {
  const named = routeOfPath(location.pathname);
  return afterFirstPaint().then(() => {
    const started = startSession();
    if (named) preload(named);
    return started.then(async (session) => {
      const route = routeFor(location.pathname, session.context.frameContext);
      if (route === "sidePanel" || route === "stage") prefetchHuddle(session);
      if (route !== named) preload(route);
      // Teams' language may differ from the browser's; its words arrive with the page's chunk.
      await loadCatalogue(languageOf(session.context.locale)).catch(() => undefined);
      return session;
    });
  });
}
