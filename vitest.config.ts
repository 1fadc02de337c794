import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // one folder per run for the seeded template databases (test/support/templates.ts)
    globalSetup: ["test/support/global-setup.ts"],
    include: ["test/**/*.test.ts", "subgraphs/*/test/**/*.test.ts", "gateway/test/**/*.test.ts"],
    // each end-to-end file starts every subgraph with its own databases and a gateway
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});
