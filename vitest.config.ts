import { configDefaults, defineConfig } from "vitest/config";

const include = ["test/**/*.test.ts", "subgraphs/*/test/**/*.test.ts", "gateway/test/**/*.test.ts"];

/**
 * The slow end-to-end files: the national LAIT file's import, the checks that run codegen and
 * composition over the repository, the browsers, and long use. `npm test` (CI) runs them with the
 * rest; `npm run test:fast` (the "fast" project) leaves them out.
 */
const slow = [
  "test/lait.test.ts",
  "test/lait-stream.test.ts",
  "test/stored-comparisons-sqlite.test.ts",
  "test/stored-comparisons-mysql.test.ts",
  "test/generated.test.ts",
  "test/dashboard-browser.test.ts",
  "test/graphiql-browser.test.ts",
  "test/soak.test.ts",
];

export default defineConfig({
  test: {
    // each end-to-end file starts every subgraph with its own copy of the seeded databases and a gateway
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
    // the run's folder of seeded template databases (test/support/templates.ts), one for both projects
    globalSetup: ["test/support/global-setup.ts"],
    projects: [
      { extends: true, test: { name: "fast", include, exclude: [...configDefaults.exclude, ...slow] } },
      { extends: true, test: { name: "slow", include: slow } },
    ],
  },
});
