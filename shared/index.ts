export * from "./app-error.js";
export * from "./roles.js";
export * from "./identity.js";
export * from "./preferences.js";
export * from "./risk/assess-risk.js";
export type { RiskLexicon, RiskPattern } from "./risk/risk-lexicon.js";
