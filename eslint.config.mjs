import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const frameworkImports = {
  patterns: [
    { group: ["react", "react-dom", "next", "next/*", "@prisma/*", "@/lib/generated/*", "@/lib/db", "@/lib/server/*", "@/components/*", "server-only"], message: "lib/anchoring, lib/importing, lib/quotes, lib/annotations, lib/morphology, lib/mentions, lib/search, lib/exporting, lib/agreement and lib/insights are pure: no framework, database or UI imports." },
  ],
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", ".data/**", ".scratch/**", ".test-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    files: ["lib/anchoring/**/*.ts", "lib/importing/**/*.ts", "lib/quotes/**/*.ts", "lib/annotations/**/*.ts", "lib/morphology/**/*.ts", "lib/mentions/**/*.ts", "lib/search/**/*.ts", "lib/exporting/**/*.ts", "lib/agreement/**/*.ts", "lib/insights/**/*.ts"],
    rules: { "no-restricted-imports": ["error", frameworkImports] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
