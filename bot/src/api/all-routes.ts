import { CIRCLE_ROUTES } from "../circles/circle-routes.js";
import { HUDDLE_ROUTES } from "../huddles/huddle-routes.js";
import { TEMPLATE_ROUTES } from "../huddles/template-routes.js";
import { API_ROUTES, type ApiRoute } from "./api-routes.js";
import { REQUEST_ROUTES, RESPONSE_POLICY_ROUTES } from "./request-routes.js";

/** Every JSON route, in one list, so the server mounts and the abuse tests attack the same set. */
export const ALL_API_ROUTES: readonly ApiRoute[] = [
  ...API_ROUTES,
  ...REQUEST_ROUTES,
  ...RESPONSE_POLICY_ROUTES,
  ...HUDDLE_ROUTES,
  ...TEMPLATE_ROUTES,
  ...CIRCLE_ROUTES,
];
