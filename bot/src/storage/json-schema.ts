import { z } from "zod";
import type { JsonObject } from "./document-store.js";

/** Any JSON object, e.g. a botbuilder conversation reference kept as the bot handed it over. */
export const jsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), z.json());
