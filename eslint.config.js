import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** The Bot Framework SDK: botbuilder, botbuilder-core, botframework-connector, botframework-schema and the rest. */
const BOT_FRAMEWORK_PACKAGES = ["botbuilder*", "botframework-*"];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
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
    languageOptions: {
      parserOptions: {
        // Type-aware: rules below see the types tsconfig.json gives every file it includes. The few
        // plain-JavaScript files it does not include get the default project instead.
        projectService: { allowDefaultProject: ["eslint.config.js", "bench/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
      eqeqeq: ["error", "always"],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // checksVoidReturn stays on everywhere: Express 5's handler types accept a promise (and Express 5
      // passes its rejection to the error handler), and JSX handlers wrap async work as `() => void run()`
      // where `run` handles its own errors.
      "@typescript-eslint/no-misused-promises": "error",
      // A new union member is an error in every switch over that union, default or not; a switch over
      // a plain string or number needs a default; a default after every member is listed is dead code.
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true, allowDefaultCaseForExhaustiveSwitch: false },
      ],
    },
  },
  {
    files: ["tab/src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // A missing dependency is a stale-value bug, not a style point.
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // botbuilder is the bot's business: everything else depends on small interfaces (MeetingDirectory,
    // TeamDirectory, ProactiveMessenger, BotEndpointParts) that bot/src/bot/ implements with it.
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: BOT_FRAMEWORK_PACKAGES,
              message: "Only bot/src/bot/ imports botbuilder: depend on an interface that bot/src/bot/ implements.",
            },
          ],
        },
      ],
    },
  },
  {
    // Allowed: the bot itself; tests that drive the bot through botbuilder's TestAdapter; the bench's
    // bare botbuilder echo bot, which is the baseline the server is measured against.
    files: ["bot/src/bot/**/*.ts", "**/*.spec.ts", "bench/echo-bot.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      // The domain stays free of SDKs so it can be tested hard and reused on every surface.
      "no-restricted-imports": [
        "error",
        { patterns: [...BOT_FRAMEWORK_PACKAGES, "@microsoft/*", "@azure/*", "express", "react*", "@fluentui/*", "lmdb"] },
      ],
    },
  },
  {
    files: ["tab/src/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [...BOT_FRAMEWORK_PACKAGES, "@azure/*", "lmdb", "express"] }] },
  },
);
