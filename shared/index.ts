export * from "./app-error.js";
export * from "./roles.js";
export * from "./identity.js";
export * from "./preferences.js";
