import { relative } from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

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

/**
 * The long files, with how many seconds each took in a measured run (MariaDB, two workers), rounded:
 * they start first, longest first (LongestFirst below). Refreshed when a file's time changes a lot; a
 * file not listed only starts later, it still runs. Figures of December 2026: the last quiet full run's
 * for the long files (the stored comparisons after their care extract template and the larger young
 * generation, about 10% less), the rest scaled from a run on a loaded machine (file times 2.75x a quiet run's).
 */
const expectedSeconds: Readonly<Record<string, number>> = {
  "test/stored-comparisons-mysql.test.ts": 160,
  "test/stored-comparisons-sqlite.test.ts": 138,
  "test/dashboard-browser.test.ts": 73,
  "test/lait-stream.test.ts": 57,
  // its system starts on copies of the run's national template (test/support/national.ts), which the stored comparisons, started first, have made: 100 s before
  "test/lait.test.ts": 55,
  "test/document-links.test.ts": 41,
  "test/generated.test.ts": 39,
  "test/token.test.ts": 28,
  "test/database-users.test.ts": 26,
  "test/document-evidence.test.ts": 22,
  "test/gateway-limits.test.ts": 17,
  "test/local-figures.test.ts": 20,
  "test/document-owners.test.ts": 19,
  "test/soak.test.ts": 19,
  "test/e2e.test.ts": 12,
  "test/dashboard.test.ts": 7,
  "test/gateway-workers.test.ts": 7,
  "test/database.test.ts": 7,
  "test/compare.test.ts": 5,
};

/**
 * The order files start in: the longest first, across both projects, so that a run does not end with
 * one long file on one worker while the other waits. Vitest's own order runs the projects one after
 * the other (by name: every slow file after every fast one) and puts the longest first only from its
 * cache of an earlier run's durations, which a fresh clone (CI) does not have. Files not in
 * expectedSeconds keep vitest's order, after the listed ones (the sort is stable).
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (file: TestSpecification) => expectedSeconds[relative(this.ctx.config.root, file.moduleId).split("\\").join("/")] ?? 0;
    return (await super.sort(files)).sort((a, b) => seconds(b) - seconds(a));
  }
}

export default defineConfig({
  test: {
    // each end-to-end file starts every subgraph with its own copy of the seeded databases and a gateway
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // a larger young generation for the test processes: the imports and the stored comparisons' oracle checks
    // allocate hundreds of MB of short-lived rows and answers, which the default semi-space (16 MB) promotes
    // to the old generation at great cost (measured: about 12% less CPU for a national import and an oracle check)
    execArgv: ["--max-semi-space-size=64"],
    // a worker process runs its files one after another with the modules it has already loaded: importing
    // them afresh for each of the 54 files took about 180 s of the suite's file time (35 s without).
    // Files therefore leave no state behind: what a test changes (process.env, spies) it restores.
    isolate: false,
    maxWorkers: 2,
    reporters: ["default"],
    // the run's folder of seeded template databases (test/support/templates.ts), one for both projects
    globalSetup: ["test/support/global-setup.ts"],
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: "fast", include, exclude: [...configDefaults.exclude, ...slow] } },
      { extends: true, test: { name: "slow", include: slow } },
    ],
  },
});
