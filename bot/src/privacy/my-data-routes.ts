import { z } from "zod";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import { announceChange } from "../bot/supporter-routing.js";
import type { ErasedResponse, ErasurePreview } from "../../../shared/api/index.js";

// The person types nothing: the tab sends this once they have read exactly what will go and confirmed.
const confirmBody = z.strictObject({ confirm: z.literal("erase-my-data") });

/** Each member's own data: download it all, see what erasing would remove, and erase it. */
export const MY_DATA_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/me/data",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { myData }) => ({
      body: JSON.stringify(await myData.export(caller.tenantId, caller.userId), null, 2),
      download: { contentType: "application/json; charset=utf-8", filename: "peer-circles-my-data.json" },
    }),
  },
  {
    method: "get",
    path: "/api/me/data/erasure",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { myData }) => ({ body: (await myData.preview(caller.tenantId, caller.userId)) satisfies ErasurePreview }),
  },
  {
    method: "delete",
    path: "/api/me/data",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, body }, { myData, routing }) => {
      parseInput(confirmBody, body);
      // Withdrawn here as by the person themself, so supporters hear exactly what any withdrawal tells them.
      const erased = await myData.erase(caller.tenantId, caller.userId, (request) => announceChange(caller, request, "withdraw", routing));
      return { body: { erased } satisfies ErasedResponse };
    },
  },
];
