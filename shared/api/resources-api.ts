import type { CrisisLine } from "../resources/crisis-lines.js";
import type { Resource } from "../resources/resource-catalogue.js";

/** A catalogue entry as listed, with the version to send back with an edit; an untouched default has the version "default". */
export interface ListedResource {
  resource: Resource;
  version: string;
  /** One of the shipped entries, adapted or not: it can be edited or removed but keeps its id. */
  isDefault: boolean;
  updatedAt?: string;
}

/** GET /api/resources. */
export interface ResourceListResponse {
  resources: ListedResource[];
}

/** GET /api/resources/crisis-lines: the lines for the caller's country, when one was given. */
export interface CrisisLinesResponse {
  country?: string;
  lines: CrisisLine[];
}
