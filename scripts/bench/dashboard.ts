/**
 * Section "dashboard": the dashboard's server time for its two heaviest pages, on the national data,
 * against the budgets of DASHBOARD.md (authority page p50 ≤ 300 ms, all-authorities page p50 ≤ 500 ms).
 * "To data" is the page's loader (its typed client operations through the gateway, and the model);
 * "whole response" adds rendering the HTML and the HTTP round trip. SQL statements are counted per page.
 */
import { DEFAULT_TOKEN_PARTY } from "../../gateway/src/config";
import { Data } from "../../dashboard/src/data";
import { allAuthoritiesPage, authorityPage } from "../../dashboard/src/pages";
import { startDashboard } from "../../dashboard/src/server";
import { dashboardToken } from "../../dashboard/src/token";
import type { RunningSystem } from "../../test/support/system";
import { machineLine, mb, SectionReport } from "./report";

const RUNS = 20;

async function timed(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    out.push(performance.now() - started);
  }
  return out.sort((a, b) => a - b);
}
const p = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export async function dashboardSection(system: RunningSystem): Promise<string[]> {
  const report = new SectionReport();
  const token = dashboardToken({ kind: "secret", secret: system.auth.jwtSecrets[0]!, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, lifetimeSeconds: 3600 });
  const dashboard = await startDashboard({ gatewayUrl: system.gatewayUrl, token, port: 0 });
  const data = new Data(system.gatewayUrl, token, 60_000);
  try {
    const catalogue = await data.catalogueNow();
    const authorities = catalogue.areas.length;
    const pages = [
      { name: "authority profile (Redcar and Cleveland)", path: "/authorities/E06000003", budget: 300, load: () => authorityPage(data, "E06000003", new URLSearchParams(), false) },
      { name: `every authority on one measure (LAC, ${authorities} authorities)`, path: "/measures/LAC", budget: 500, load: () => allAuthoritiesPage(data, "LAC", new URLSearchParams(), "page") },
    ];
    const rows: Array<Array<string | number>> = [];
    for (const page of pages) {
      const get = async () => {
        const response = await fetch(dashboard.url + page.path);
        if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
        return response.text();
      };
      const html = await get(); // warm: the catalogue is cached, the gateway has planned the operations
      system.resetStatements();
      await get();
      const statements = system.statements();
      const toData = await timed(RUNS, page.load);
      const whole = await timed(RUNS, get);
      rows.push([page.name, ms(p(toData, 0.5)), ms(p(toData, 0.95)), ms(p(whole, 0.5)), ms(p(whole, 0.95)), `${page.budget} ms`, `${(p(toData, 0.5) / page.budget).toFixed(2)}`, statements, `${Math.round(html.length / 1024)} KB`]);
    }
    report.line("## Dashboard: server time for the heaviest pages");
    report.line();
    report.line(machineLine());
    report.line();
    report.line(`The dashboard (dashboard/) in front of Hive Gateway with the router runtime, subgraphs on the national LAIT data in SQLite, all in this one process; ${RUNS} runs of each, one at a time, after one warm-up. "To data": the page's typed client operations through the gateway and its model; "whole response": that, the HTML rendered, and the HTTP round trip to the dashboard.`);
    report.line();
    report.table(
      ["page", "to data p50", "to data p95", "whole response p50", "whole response p95", "budget (p50 to data)", "p50 / budget", "SQL statements per page", "HTML size"],
      ["l", "r", "r", "r", "r", "r", "r", "r", "r"],
      rows,
    );
    report.line();
    report.line(`RSS of the process (gateway, subgraphs and dashboard) after the runs: ${mb(process.memoryUsage().rss)}.`);
    return report.lines;
  } finally {
    await dashboard.close();
  }
}
