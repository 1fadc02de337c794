/**
 * npm run bench [-- <section> ...] [-- --lait <folder>] — speed and memory figures, written to
 * docs/benchmarks.md, each section in its own part of the file (see bench/report.ts):
 *
 *   import      the full national LAIT import (embedded; MySQL/MariaDB too when MYSQL_URL is set): time and peak RSS
 *   first-start npm start on empty databases (the national data seeded) until the gateway is ready; uses npm
 *               start's ports 4000-4003, 4101, 4102 and fails at once if one is taken
 *   comparison  comparisons over every authority through the gateway, on the national data, with
 *               npm start's processes on its fixed ports (nothing else may be running on them)
 *   identity    the signing cost per subgraph request, and de-duplication per identity
 *   dashboard   the dashboard's server time for the authority page and the all-authorities page, national data
 *   scale       N = 2, 10, 50, 153 plan deployments (synthetic content, benchmark only): composition, supergraph
 *               size, gateway start and memory, first request, latency and throughput (SCALE_SIZES=2,10 for fewer)
 *   gateways    the project's gateway beside @apollo/gateway and a hand-written fan-out, same subgraph processes
 *   trusted     the cross-borough query by trusted-document id against as text: throughput ratio, same gateway, same run
 *   observability  the cost of metrics and of tracing at 10% on the cross-borough query, as ratios to both off (same run)
 *   limits      refusing the three-alias query by cost vs answering it with the limit raised; an ordinary
 *               query right after a heavy one the gateway gave up on, vs alone (in process, Tees Valley extract)
 *   soak        npm start's processes under a mixed workload for minutes (SOAK_MINUTES, default 5):
 *               fails on any unexpected error, latency or memory growth (and so fails CI);
 *               on MySQL/MariaDB too when MYSQL_URL is set
 *
 * No section named: every section. The LAIT folder defaults to seeds/lait (the national release the repository ships).
 */
import { comparisonSection } from "./bench/comparison";
import { dashboardSection } from "./bench/dashboard";
import { identitySection } from "./bench/identity";
import { limitsSection } from "./bench/limits";
import { firstStartSection } from "./bench/first-start";
import { importSection } from "./bench/import";
import { DEFAULT_LAIT_FOLDER, nationalDatabases, removeNational } from "./bench/national";
import { BENCHMARKS_FILE, writeSection } from "./bench/report";
import { soakSection } from "./bench/soak";
import { scaleSection } from "./bench/scale";
import { gatewaysSection } from "./bench/gateways";
import { trustedSection } from "./bench/trusted";
import { observabilitySection } from "./bench/observability";
import { startSystem, type RunningSystem } from "../test/support/system";

export const SECTIONS = ["import", "first-start", "comparison", "identity", "dashboard", "trusted", "observability", "limits", "scale", "gateways", "soak"] as const;
type Section = (typeof SECTIONS)[number];

function parseArguments(args: string[]): { sections: Section[]; folder: string } {
  let folder = DEFAULT_LAIT_FOLDER;
  const sections: Section[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === "--lait") {
      const next = args[(i += 1)];
      if (!next) throw new Error("--lait needs a folder");
      folder = next;
    } else if ((SECTIONS as readonly string[]).includes(arg)) {
      sections.push(arg as Section);
    } else {
      throw new Error(`unknown section "${arg}": choose from ${SECTIONS.join(", ")} (or --lait <folder>)`);
    }
  }
  return { sections: sections.length ? sections : [...SECTIONS], folder };
}

const { sections, folder } = parseArguments(process.argv.slice(2));
let failed = false;
let national: RunningSystem | undefined;
/** one in-process system on the national data, shared by the sections that read it */
const nationalSystem = async () => (national ??= await startSystem({ existingDatabases: await nationalDatabases(folder) }));

try {
  for (const section of sections) {
    console.log(`\n== bench: ${section}\n`);
    let lines: string[];
    if (section === "import") lines = await importSection(folder);
    else if (section === "first-start") lines = await firstStartSection();
    else if (section === "comparison") lines = await comparisonSection(folder);
    else if (section === "identity") lines = await identitySection(await nationalSystem());
    else if (section === "limits") lines = await limitsSection();
    else if (section === "dashboard") {
      // national outcomes; the registry seeded as npm start seeds it (every authority, and the themes the plans use)
      const { education, care } = await nationalDatabases(folder);
      const system = await startSystem({ existingDatabases: { education, care } });
      try {
        lines = await dashboardSection(system);
      } finally {
        await system.close();
      }
    }
    else if (section === "gateways") lines = await gatewaysSection();
    else if (section === "scale") lines = await scaleSection(process.env.SCALE_SIZES ? process.env.SCALE_SIZES.split(",").map(Number) : undefined);
    else if (section === "trusted") {
      // the Tees Valley extract: what is measured is the gateway's handling of the document, the same on any data
      const system = await startSystem();
      try {
        lines = await trustedSection(system, "on the Tees Valley extract (startSystem, embedded databases)");
      } finally {
        await system.close();
      }
    }
    else if (section === "observability") lines = await observabilitySection();
    else {
      const soak = await soakSection();
      lines = soak.lines;
      failed ||= !soak.passed;
    }
    writeSection(section, SECTIONS, lines);
    console.log(`\nwrote the ${section} section of ${BENCHMARKS_FILE}`);
  }
} finally {
  await national?.close();
  removeNational();
}
process.exit(failed ? 1 : 0);
