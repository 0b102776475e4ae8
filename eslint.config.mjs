import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "public/widget.js", "public/widget/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only lib/env.ts reads the app's configuration; scripts and tooling set it up.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts" }],
    },
  },
  {
    files: ["lib/env.ts", "lib/log/**", "scripts/**", "test/**", "e2e/**", "*.config.*", "instrumentation.ts", "lib/realtime/server/**", "lib/realtime/config.ts", "instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // The widget panel is Preact: the React Compiler's rule knows React's useRef only and takes a
    // preact/hooks ref for an immutable value.
    files: ["widget/**"],
    rules: { "react-hooks/immutability": "off" },
  },
  {
    // Components get plain data from pages, which load it through lib/ queries scoped to the actor.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*", "**/db/*"], message: "Components never import db/: load through a lib/ query in the page and pass plain data down." }] }],
    },
  },
];

export default config;
