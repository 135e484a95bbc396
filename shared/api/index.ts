/**
 * The JSON the server's /api sends, one file per feature: the server's handlers are checked against
 * these types and the tab reads its answers as them, so the two cannot drift apart unnoticed.
 */
export type * from "./me-api.js";
export type * from "./requests-api.js";
export type * from "./huddles-api.js";
export type * from "./resources-api.js";
export type * from "./circles-api.js";
export type * from "./supporters-api.js";
export type * from "./my-data-api.js";
export type * from "./buddies-api.js";
export type * from "./insights-api.js";
export type * from "./dev-identity-api.js";
