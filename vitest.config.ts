import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["shared/**/*.spec.ts", "bot/**/*.spec.ts", "tab/src/**/*.spec.{ts,tsx}", "tests/**/*.spec.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["tests/support/log-capture.ts"],
    setupFiles: ["tests/support/fast-check-seed.ts"],
  },
});
