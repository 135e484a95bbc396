import { z } from "zod";
import { crisisLinesFor } from "../../../shared/resources/crisis-lines.js";
import { resourceInputSchema } from "../../../shared/resources/resource-schema.js";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import type { CrisisLinesResponse, ListedResource, ResourceListResponse } from "../../../shared/api/index.js";
import { refusalError } from "../http/refusal-mapper.js";
import type { ResourceOutcome, ResourceRefusal } from "./resource-library.js";

// Only ids Peer Circles makes: a shipped entry's slug or "resource-" and a UUID. Nothing else reaches the store.
const resourceId = z
  .string()
  .regex(
    /^(?:default-[a-z0-9]+(?:-[a-z0-9]+){0,7}|resource-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    "is not a resource id",
  );
const version = z.string().min(1).max(128);
const updateBody = z.strictObject({ resource: z.unknown(), version });
const deleteBody = z.strictObject({ version });
const crisisLinesQuery = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code such as GB")
    .optional(),
});

function refused(refusal: ResourceRefusal): never {
  throw refusalError("resources", refusal);
}

function unwrap(outcome: ResourceOutcome): ListedResource {
  return outcome.ok ? outcome.value : refused(outcome.refusal);
}

/** Everyone reads the catalogue; only programme admins change it (PRODUCT.md, roles). */
export const RESOURCE_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/resources",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { resources }) => ({
      body: { resources: await resources.list(caller.tenantId) } satisfies ResourceListResponse,
    }),
  },
  {
    // The lines in the order the emergency block shows them, for surfaces that show only that block.
    method: "get",
    path: "/api/resources/crisis-lines",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, query }, { resources }) => {
      const country = parseInput(crisisLinesQuery, { country: query?.country }).country?.toUpperCase();
      return {
        body: {
          ...(country ? { country } : {}),
          lines: crisisLinesFor(country, await resources.crisisLines(caller.tenantId)),
        } satisfies CrisisLinesResponse,
      };
    },
  },
  {
    method: "post",
    path: "/api/resources",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, body }, { resources }) => ({
      status: 201,
      body: unwrap(await resources.create(caller.tenantId, parseInput(resourceInputSchema, body), caller.userId)) satisfies ListedResource,
    }),
  },
  {
    method: "put",
    path: "/api/resources/:resourceId",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { resources }) => {
      const id = parseInput(resourceId, params.resourceId);
      const input = parseInput(updateBody, body);
      const resource = parseInput(resourceInputSchema, input.resource);
      return { body: unwrap(await resources.update(caller.tenantId, id, resource, input.version, caller.userId)) satisfies ListedResource };
    },
  },
  {
    method: "delete",
    path: "/api/resources/:resourceId",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { resources }) => {
      const outcome = await resources.remove(
        caller.tenantId,
        parseInput(resourceId, params.resourceId),
        parseInput(deleteBody, body).version,
        caller.userId,
      );
      if (!outcome.ok) refused(outcome.refusal);
      return { status: 204, body: null };
    },
  },
];
