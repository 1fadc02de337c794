/**
 * Section "comparison": comparisons over every authority on the national data, through the gateway with
 * every subgraph its own process as `npm start` runs them (scripts/start.ts on its fixed ports), and, in
 * the same run, a query that reads no comparison, so the two can be compared as a ratio.
 */
import { readFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { subgraphCatalog } from "../catalog";
import { newSecret } from "../dev-secrets";
import { nationalDatabases } from "./national";
import { GATEWAY, startProcesses, statementsServed } from "./processes";
import { machineLine, SectionReport } from "./report";

export const NATIONAL_COMPARISON = `{ authorities { code name
    education { measures(codes: ["KS2RWM_Expected_STD", "TotPerAbNew"]) { measure { code } comparison { latest { value period { label } } england { value } region { value } neighbours { mean median } rank { position outOf band } trend { direction } } } }
    care { measures(codes: ["LAC", "LACStable_2016on", "CareLeaverEET"]) { measure { code } comparison { latest { value period { label } } england { value } region { value } neighbours { mean median } rank { position outOf band } trend { direction } } } } } }`;
/** every authority × every education measure it has figures for */
export const EVERY_EDUCATION_COMPARISON = "{ authorities { code education { measures { comparison { rank { position } trend { direction } } } } } }";
const AUTHORITIES_ONLY = "{ authorities { code name } }";

const CLIENTS = 4;
const SECONDS = 10;

async function post(query: string): Promise<{ data?: Record<string, any>; errors?: unknown[] }> {
  const response = await fetch(`${GATEWAY}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body;
}

async function timed(query: string, runs: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await post(query);
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

async function throughput(query: string): Promise<number> {
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      await post(query);
      done += 1;
    }
  }));
  return done / SECONDS;
}

/** CPU time (user + system, ms) of each of npm start's child processes, by process id, with the entry file it runs */
function cpuByProcess(parent: number): Map<string, { script: string; port: number | null; ms: number }> {
  const tick = 10; // USER_HZ is 100 on Linux
  const found = new Map<string, { script: string; port: number | null; ms: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) !== parent) continue; // ppid
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const script = cmdline.find((arg) => arg.endsWith(".ts")) ?? entry;
      // one entry file serves several deployments (plans, outcomes): the PORT npm start gave the process tells them apart
      const portSetting = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").find((v) => v.startsWith("PORT="));
      const port = portSetting ? Number(portSetting.slice("PORT=".length)) : null;
      found.set(entry, { script, port, ms: (Number(fields[11]) + Number(fields[12])) * tick });
    } catch {
      // the process ended
    }
  }
  return found;
}

/** CPU ms per query of each named process between two snapshots (processes that used under 0.1 s left out: idle) */
function cpuPerQuery(before: ReturnType<typeof cpuByProcess>, after: ReturnType<typeof cpuByProcess>, queries: number): Map<string, number> {
  const found = new Map<string, number>();
  for (const [pid, now] of after) {
    const used = now.ms - (before.get(pid)?.ms ?? now.ms);
    if (used >= 100) found.set(nameOf(now), used / queries);
  }
  return found;
}

const nameOf = ({ script, port }: { script: string; port: number | null }) =>
  script.includes("gateway/") ? "gateway" : subgraphCatalog().find((s) => s.entry === script && s.port === port)?.name ?? script;

export async function comparisonSection(folder: string): Promise<string[]> {
  const urls = await nationalDatabases(folder);
  const dir = mkdtempSync(join(tmpdir(), "bench-comparison-"));
  const databases: Record<string, string> = Object.fromEntries(subgraphCatalog().map((s) => [s.name, `sqlite:${join(dir, `${s.name}.sqlite`)}`]));
  Object.assign(databases, urls);
  const env: NodeJS.ProcessEnv = {
    ...process.env, JWT_SECRETS: newSecret(), NODE_ENV: "development", GATEWAY_RATE_LIMIT: "0",
    // every authority × every education measure is over the default cost (~234,000 against 50,000) and reads
    // ~80,000 rows at education (the default WORK_BUDGET_ROWS is 100,000); it took longer than the default 10 s
    // per subgraph request before comparisons were stored
    GATEWAY_MAX_COST: "10000000", SUBGRAPH_TIMEOUT_MS: "120000", DB_QUERY_TIMEOUT_MS: "120000",
    WORK_BUDGET_ROWS: "10000000", WORK_BUDGET_STATEMENTS: "100000",
  };
  const processes = await startProcesses("bench comparison", env, databases, 15 * 60_000);
  const report = new SectionReport();
  try {
    const warm = await post(NATIONAL_COMPARISON);
    const authorities = (warm.data!.authorities as unknown[]).length;
    const before = await statementsServed();
    await post(NATIONAL_COMPARISON);
    const statements = (await statementsServed()) - before;

    // warmed up first (the processes' first queries compile their code), then one client: every query reaches every subgraph
    await timed(NATIONAL_COMPARISON, 10);
    const aloneBefore = cpuByProcess(processes.child.pid!);
    const latencies = await timed(NATIONAL_COMPARISON, 20);
    const alone = cpuPerQuery(aloneBefore, cpuByProcess(processes.child.pid!), latencies.length);
    const cpuBefore = cpuByProcess(processes.child.pid!);
    const statementsBefore = await statementsServed();
    const startedAt = performance.now();
    const comparisonRate = await throughput(NATIONAL_COMPARISON);
    const queries = comparisonRate * SECONDS;
    const cpuAfter = cpuByProcess(processes.child.pid!);
    const elapsed = performance.now() - startedAt;
    const loadedStatements = ((await statementsServed()) - statementsBefore) / queries;
    const authoritiesRate = await throughput(AUTHORITIES_ONLY);

    const every = await post(EVERY_EDUCATION_COMPARISON);
    const everyCount = (every.data!.authorities as Array<{ education: { measures: unknown[] } | null }>).reduce((n, a) => n + (a.education?.measures.length ?? 0), 0);
    const everyLatencies = await timed(EVERY_EDUCATION_COMPARISON, 3);

    report.line("## Cross-authority comparison over every authority");
    report.line();
    report.line(machineLine());
    report.line();
    report.line(`Through Hive Gateway with the router runtime, every subgraph its own process as \`npm start\` runs them (scripts/start.ts), region, education and care on the national data in SQLite. ` +
      `The comparison query: every authority (${authorities}), 5 measures each (2 education, 3 care), each with England, region, statistical-neighbour mean and median, national rank and band, and trend — ${authorities * 5} comparisons. ` +
      `In the same run: every authority × every education measure it has figures for (${everyCount.toLocaleString("en-GB")} comparisons, rank and trend; GATEWAY_MAX_COST and the timeouts raised for it), and \`${AUTHORITIES_ONLY}\`, which reads no comparison.`);
    report.line();
    report.table(["measure", "value"], ["l", "r"], [
      ["SQL statements per comparison query (all subgraphs)", statements],
      ["comparison query, one client (20 runs): median", `${latencies[10]!.toFixed(0)} ms`],
      ["comparison query, one client: slowest", `${latencies.at(-1)!.toFixed(0)} ms`],
      [`comparison query, ${CLIENTS} clients for ${SECONDS} s`, `${comparisonRate.toFixed(1)} queries/s (${Math.round(comparisonRate * authorities * 5).toLocaleString("en-GB")} comparisons/s)`],
      [`\`${AUTHORITIES_ONLY}\`, ${CLIENTS} clients for ${SECONDS} s`, `${authoritiesRate.toFixed(1)} queries/s`],
      ["ratio: comparison / authorities-only throughput", (comparisonRate / authoritiesRate).toFixed(3)],
      [`every authority × every education measure (${everyCount.toLocaleString("en-GB")} comparisons), median of 3`, `${(everyLatencies[1]! / 1000).toFixed(2)} s (${((everyLatencies[1]! * 1000) / everyCount).toFixed(1)} µs per comparison)`],
    ]);
    report.line();
    // the clients all send the same query: the gateway shares identical subgraph queries in flight at once (shared-fetches.ts)
    report.line(`CPU per comparison query (user + system time of each process, divided by the queries): with one client (the 20 timed runs), where every query reaches every subgraph, ` +
      `and under the ${CLIENTS}-client load (${(elapsed / 1000).toFixed(1)} s, ${queries} queries). The ${CLIENTS} clients send the same query, so the gateway often shares one subgraph request between them ` +
      `(identical queries in flight at once, \`gateway/src/shared-fetches.ts\`): under that load the subgraphs ran ${loadedStatements.toFixed(1)} SQL statements per query, against ${statements} for a query alone.`);
    report.line();
    const loaded = cpuPerQuery(cpuBefore, cpuAfter, queries);
    report.table(["process", "CPU per query, one client", `CPU per query, ${CLIENTS} clients`], ["l", "r", "r"],
      [...loaded].map(([name, ms]) => [name, alone.has(name) ? `${alone.get(name)!.toFixed(1)} ms` : "under 0.1 s over the 20 runs", `${ms.toFixed(1)} ms`]));
    report.line();
    // what these figures allow on this machine, whatever is changed in the code: the processes share its cores
    const cores = availableParallelism();
    const total = [...loaded.values()].reduce((a, b) => a + b, 0);
    const gatewayMs = loaded.get("gateway") ?? 0;
    const aloneTotal = [...alone.values()].reduce((a, b) => a + b, 0);
    report.line(`What the CPU figures allow on this machine (${cores} cores, shared by every process): under load all processes together spend ${total.toFixed(1)} ms of CPU per comparison query, ` +
      `so no more than ${cores} × 1000 / ${total.toFixed(1)} = ${((cores * 1000) / total).toFixed(0)} queries/s can be answered, of which the gateway's own ${gatewayMs.toFixed(1)} ms alone would allow ${((cores * 1000) / gatewayMs).toFixed(0)} queries/s if the subgraphs cost nothing. ` +
      `Queries that differ (nothing to share) cost what one client's do, ${aloneTotal.toFixed(1)} ms: at most ${((cores * 1000) / aloneTotal).toFixed(0)} queries/s.`);
    report.line();
    report.line("The statement count does not grow with the number of authorities (DataLoader batching; `test/lait.test.ts` guards it).");
  } finally {
    await processes.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return report.lines;
}
