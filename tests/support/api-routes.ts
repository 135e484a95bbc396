import type { ApiRoute } from "../../bot/src/api/api-routes.js";
import type { Role } from "../../shared/index.js";

/** "GET /api/me": how a route is named in coverage sets and test titles. */
export const routeKey = (route: Pick<ApiRoute, "method" | "path">): string => `${route.method.toUpperCase()} ${route.path}`;

/** The roles a route accepts, as a list, whether it was declared as one role or several. */
export const acceptedRoles = (route: Pick<ApiRoute, "role">): readonly Role[] =>
  typeof route.role === "string" ? [route.role] : route.role;

/** The names of a route's path parameters, e.g. ["circleId", "userId", "decision"]. */
export const paramNames = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);

/**
 * The route's path with each parameter replaced by its value, URL-encoded. A parameter without a
 * value throws, so a new kind of parameter is noticed instead of being sent as ":name".
 */
export function fillPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for the path parameter :${name} of ${path}; add one to the test.`);
    return encodeURIComponent(value);
  });
}
