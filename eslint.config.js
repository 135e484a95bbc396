import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "tab/dist/",
      "appPackage/build/",
      "bench/results/",
      "coverage/",
      ".data/",
      "devTools/",
      "tests/browser/teams-host/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      // The domain stays free of SDKs so it can be tested hard and reused on every surface.
      "no-restricted-imports": [
        "error",
        { patterns: ["botbuilder*", "@microsoft/*", "@azure/*", "express", "react*", "@fluentui/*", "lmdb"] },
      ],
    },
  },
  {
    files: ["tab/src/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["botbuilder*", "@azure/*", "lmdb", "express"] }] },
  },
);
