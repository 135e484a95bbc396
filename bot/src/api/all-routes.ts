import { BUDDY_ROUTES } from "../buddies/buddy-routes.js";
import { CIRCLE_ROUTES } from "../circles/circle-routes.js";
import { MY_DATA_ROUTES } from "../privacy/my-data-routes.js";
import { SUPPORTER_ROUTES } from "../supporters/supporter-routes.js";
import { HUDDLE_ROUTES } from "../huddles/huddle-routes.js";
import { INSIGHTS_ROUTES } from "../insights/insights-routes.js";
import { TEMPLATE_ROUTES } from "../huddles/template-routes.js";
import { RESOURCE_ROUTES } from "../resources/resource-routes.js";
import { REQUEST_ROUTES, RESPONSE_POLICY_ROUTES } from "../requests/request-routes.js";
import { API_ROUTES, type ApiRoute } from "./api-routes.js";

/** Every JSON route, in one list, so the server mounts and the abuse tests attack the same set. */
export const ALL_API_ROUTES: readonly ApiRoute[] = [
  ...API_ROUTES,
  ...REQUEST_ROUTES,
  ...RESPONSE_POLICY_ROUTES,
  ...HUDDLE_ROUTES,
  ...TEMPLATE_ROUTES,
  ...RESOURCE_ROUTES,
  ...CIRCLE_ROUTES,
  ...MY_DATA_ROUTES,
  ...SUPPORTER_ROUTES,
  ...BUDDY_ROUTES,
  ...INSIGHTS_ROUTES,
];
