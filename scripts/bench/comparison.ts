/** Section "comparison": the cross-authority comparison over every authority, through the gateway, on the national data. */
import type { RunningSystem } from "../../test/support/system";
import { machineLine, mb, SectionReport } from "./report";

export const NATIONAL_COMPARISON = `{ authorities { code name
    education { measures(codes: ["KS2RWM_Expected_STD", "TotPerAbNew"]) { measure { code } comparison { latest { value period { label } } england { value } region { value } neighbours { mean median } rank { position outOf band } trend { direction } } } }
    care { measures(codes: ["LAC", "LACStable_2016on", "CareLeaverEET"]) { measure { code } comparison { latest { value period { label } } england { value } region { value } neighbours { mean median } rank { position outOf band } trend { direction } } } } } }`;

export async function comparisonSection(system: RunningSystem): Promise<string[]> {
  const report = new SectionReport();
  const warm = await system.query(NATIONAL_COMPARISON);
  if (warm.errors) throw new Error(JSON.stringify(warm.errors));
  const authorities = (warm.data!.authorities as unknown[]).length;
  system.resetStatements();
  await system.query(NATIONAL_COMPARISON);
  const statements = system.statements();

  const latencies: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    await system.query(NATIONAL_COMPARISON);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const concurrency = 4;
  let done = 0;
  const until = performance.now() + 10_000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      await system.query(NATIONAL_COMPARISON);
      done += 1;
    }
  }));
  report.line("## Cross-authority comparison over every authority");
  report.line();
  report.line(machineLine());
  report.line();
  report.line(`One query: every authority (${authorities}), 5 measures each (2 education, 3 care), each with England, region, statistical-neighbour mean and median, national rank and band, and trend — ${authorities * 5} comparisons, through Hive Gateway with the router runtime, subgraphs on the national data in SQLite, all in this one process.`);
  report.line();
  report.table(["measure", "value"], ["l", "r"], [
    ["SQL statements per query (all subgraphs)", statements],
    ["latency, one at a time (20 runs): median", `${latencies[10]!.toFixed(0)} ms`],
    ["latency, one at a time: slowest", `${latencies.at(-1)!.toFixed(0)} ms`],
    [`throughput, ${concurrency} concurrent clients for 10 s`, `${(done / 10).toFixed(1)} queries/s (${Math.round((done / 10) * authorities * 5)} comparisons/s)`],
    ["RSS of the process (gateway + five subgraphs) after the load", mb(process.memoryUsage().rss)],
  ]);
  report.line();
  report.line("The statement count does not grow with the number of authorities (DataLoader batching; `test/lait.test.ts` guards it).");
  return report.lines;
}
