export * from "./app-error.js";
export * from "./roles.js";
export * from "./identity.js";
export * from "./preferences.js";
export * from "./risk/assess-risk.js";
export type { RiskLexicon, RiskPattern } from "./risk/risk-lexicon.js";
export * from "./requests/request-status.js";
export * from "./requests/help-request.js";
export * from "./resources/crisis-lines.js";
