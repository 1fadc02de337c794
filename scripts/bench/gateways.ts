/**
 * Section "gateways": the project's gateway beside its alternatives, in one run, on the same subgraph
 * processes (npm start's five subgraphs, each its own process, seeded with the Tees Valley extract):
 * - the project's gateway (gateway/src/index.ts, NODE_ENV=production, as the image runs it);
 * - @apollo/gateway on Apollo's composition of the same subgraphs (scripts/bench/apollo-gateway.ts);
 * - a hand-written fan-out calling the subgraphs directly, signed (scripts/bench/fanout.ts): the floor.
 * Each runs alone (the others stopped) with CLIENTS clients, for the README's cross-borough query (Q1)
 * and a two-authority query (Q2). "De-duplication on": every client sends the same anonymous request,
 * so the project's gateway can share one subgraph request among identical concurrent ones; "off":
 * every client its own analyst token, so nothing can be shared, as with varied real traffic.
 * Gateway CPU is the gateway process's user + system time over the requests it answered.
 * Where that CPU goes: scripts/bench/gateway-profile.ts (the same load under `node --cpu-prof`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { graphName, repoRoot, subgraphCatalog } from "../catalog";
import { composeApollo, composeGuild } from "../composition";
import { newSecret } from "../dev-secrets";
import { DEFAULT_TOKEN_PARTY } from "../../gateway/src/config";
import { issueToken } from "../../gateway/src/identity";
import { FIRST_QUERY } from "../../gateway/src/server";
import { EXTRACT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import type { HostedService } from "./scale-host";
import { freePort, spawnReady, stopChild as stop } from "./processes";
import { machineLine, SectionReport } from "./report";

export const QUERIES = {
  Q1: { operationName: "TeesValley", query: FIRST_QUERY },
  Q2: { operationName: "TwoAuthorities", query: `query TwoAuthorities { authorities(codes: ["E06000003", "E06000004"]) { name priorities(theme: "early-years") { title } } }` },
} as const;
export type QueryName = keyof typeof QUERIES;

const CLIENTS = 8;
const ROUND_MS = 3_000;
const ROUNDS = 5;

/** user + system CPU time of a process so far, ms */
/** user + system CPU time so far (ms) of a process and of the workers it forked (GATEWAY_WORKERS) */
const cpuMs = (pid: number): number => {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(entry) !== pid && Number(fields[1]) !== pid) continue;
      // a worker of the gateway, not tsx's esbuild service
      if (Number(entry) !== pid && !readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("gateway/src/index.ts")) continue;
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // the process ended
    }
  }
  return total;
};

export async function post(url: string, name: QueryName, token?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(QUERIES[name]),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`${url}: ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
  return body.data;
}


interface Figures { rps: number; p50: number; p99: number; cpuPerRequest: number }

/** One measurement: a round of ROUND_MS with one client per token; its rate, latencies and the gateway's CPU. */
export async function round(url: string, pid: number, name: QueryName, tokens: Array<string | undefined>) {
  const latencies: number[] = [];
  let done = 0;
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  const until = started + ROUND_MS;
  await Promise.all(tokens.map(async (token) => {
    while (performance.now() < until) {
      const t = performance.now();
      await post(url, name, token);
      latencies.push(performance.now() - t);
      done += 1;
    }
  }));
  return { rate: done / ((performance.now() - started) / 1000), latencies, cpu: cpuMs(pid) - cpuBefore, done };
}

function summarise(rounds: Array<Awaited<ReturnType<typeof round>>>): Figures {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const rates = rounds.map((r) => r.rate).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  const requests = rounds.reduce((sum, r) => sum + r.done, 0);
  return { rps: rates[Math.floor(rates.length / 2)]!, p50: at(0.5), p99: at(0.99), cpuPerRequest: rounds.reduce((sum, r) => sum + r.cpu, 0) / requests };
}

/** npm start's subgraphs for the bench, each its own process and database, and what a contender needs to call them */
export interface BenchSubgraphs {
  catalog: ReturnType<typeof subgraphCatalog>;
  /** the Guild's composition (the project's gateway) and Apollo's (@apollo/gateway), as files */
  hiveSupergraph: string;
  apolloSupergraph: string;
  signed: Array<{ name: string; url: string; secret: string }>;
  jwtSecret: string;
  /** one analyst token per client (de-duplication off) */
  tokens: string[];
  dir: string;
  /** the project's gateway (gateway/src/index.ts) on these subgraphs; `nodeArgs` before the script (e.g. --cpu-prof) */
  startProject(options?: { workers?: number; nodeArgs?: string[]; entry?: string }): Promise<{ child: ChildProcess; url: string }>;
  close(): Promise<void>;
}

export async function startBenchSubgraphs(): Promise<BenchSubgraphs> {
  const dir = mkdtempSync(join(tmpdir(), "tpg-gateways-"));
  const hosts: ChildProcess[] = [];
  const close = async () => {
    for (const host of hosts) await stop(host);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const catalog = subgraphCatalog();
    const secrets = new Map(catalog.map((s) => [s.name, newSecret()]));
    const urls = new Map<string, string>();
    await Promise.all(catalog.map(async (s) => {
      const service: HostedService = {
        kind: "catalog", name: s.name, databaseUrl: `sqlite:${join(dir, `${s.name}.sqlite`)}`, secret: secrets.get(s.name)!, env: { LAIT_FOLDER: EXTRACT_LAIT_FOLDER, ...s.env },
      };
      const specFile = join(dir, `host-${s.name}.json`);
      writeFileSync(specFile, JSON.stringify({ services: [service] }));
      const { child, line } = await spawnReady(["scripts/bench/scale-host.ts", specFile], process.env);
      hosts.push(child);
      urls.set(s.name, (JSON.parse(line) as Record<string, string>)[s.name]!);
    }));
    const subgraphs = catalog.map((s) => ({ name: s.name, url: urls.get(s.name)!, typeDefs: s.typeDefs() }));
    const guild = composeGuild(subgraphs);
    const apollo = composeApollo(subgraphs);
    if ("errors" in guild || "errors" in apollo) throw new Error("composition failed");
    const hiveSupergraph = join(dir, "supergraph.graphql");
    writeFileSync(hiveSupergraph, guild.supergraphSdl);
    const apolloSupergraph = join(dir, "supergraph-apollo.graphql");
    writeFileSync(apolloSupergraph, apollo.supergraphSdl);
    const signed = catalog.map((s) => ({ name: s.name, url: urls.get(s.name)!, secret: secrets.get(s.name)! }));
    const jwtSecret = newSecret();
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) =>
      issueToken(jwtSecret, { subject: `bench-client-${i}`, role: "analyst", expiresIn: "1h", issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY })));
    const startProject = async ({ workers = 1, nodeArgs = [], entry = "gateway/src/index.ts" }: { workers?: number; nodeArgs?: string[]; entry?: string } = {}) => {
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production",
        HOST: "127.0.0.1", PORT: String(await freePort()), SUPERGRAPH_FILE: hiveSupergraph, JWT_SECRETS: jwtSecret,
        // the benchmark's queries as text, from anonymous callers too (Q1 and Q2 are not in the typed client's manifest)
        GATEWAY_ANONYMOUS_READ: "true", GATEWAY_RATE_LIMIT: "0", GATEWAY_ARBITRARY_DOCUMENTS: "everyone",
        GATEWAY_WORKERS: String(workers),
      };
      for (const s of catalog) env[`SUBGRAPH_SECRET_${graphName(s.name)}`] = secrets.get(s.name)!;
      const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", entry], { cwd: repoRoot, env, stdio: ["ignore", "ignore", "inherit"] });
      const url = `http://127.0.0.1:${env.PORT}`;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the project's gateway exited (code ${child.exitCode})`);
        if (await fetch(`${url}/readiness`).then((r) => r.ok, () => false)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { child, url: `${url}/graphql` };
    };
    return { catalog, hiveSupergraph, apolloSupergraph, signed, jwtSecret, tokens, dir, startProject, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function gatewaysSection(): Promise<string[]> {
  const report = new SectionReport();
  const bench = await startBenchSubgraphs();
  try {
    const { catalog, apolloSupergraph, signed, tokens, dir } = bench;
    const anonymous = Array.from({ length: CLIENTS }, () => undefined);
    const startProject = (workers = 1) => bench.startProject({ workers });
    const startApollo = async () => {
      const specFile = join(dir, "apollo.json");
      writeFileSync(specFile, JSON.stringify({ supergraphFile: apolloSupergraph, subgraphs: signed }));
      const { child, line } = await spawnReady(["scripts/bench/apollo-gateway.ts", specFile], { ...process.env, NODE_ENV: "production" });
      return { child, url: line };
    };
    const startFanout = async () => {
      const planTypes = Object.fromEntries(catalog.filter((s) => s.env.AUTHORITY_DEPLOYMENT).map((s) => [typeNameOf(s.name), s.name]));
      const specFile = join(dir, "fanout.json");
      writeFileSync(specFile, JSON.stringify({ subgraphs: signed, planTypes }));
      const { child, line } = await spawnReady(["scripts/bench/fanout.ts", specFile], { ...process.env, NODE_ENV: "production" });
      return { child, url: line };
    };

    const rows: Array<{ label: string; mode: "on" | "off"; q: Record<QueryName, Figures> }> = [];
    // the machine's 1-minute load average when the rounds began and ended: on a shared machine every figure moves with it
    let loadBefore = 0;
    const contenders: Array<{ label: string; start: () => Promise<{ child: ChildProcess; url: string }>; modes: Array<"on" | "off"> }> = [
      { label: "hand-written fan-out (the floor)", start: startFanout, modes: ["off"] },
      { label: "`@apollo/gateway`", start: startApollo, modes: ["off"] },
      { label: "project's gateway", start: () => startProject(), modes: ["on", "off"] },
      { label: "project's gateway, 2 workers (GATEWAY_WORKERS=2)", start: () => startProject(2), modes: ["off"] },
    ];
    // every contender started (idle while another is measured); rounds alternate between them, so a
    // change in the machine's load during the run falls on all of them alike
    const started: Array<{ label: string; child: ChildProcess; url: string; modes: Array<"on" | "off"> }> = [];
    try {
      for (const contender of contenders) started.push({ label: contender.label, modes: contender.modes, ...(await contender.start()) });
      const project = started.find((c) => c.label === "project's gateway")!;
      for (const name of Object.keys(QUERIES) as QueryName[]) {
        const reference = await post(project.url, name);
        for (const contender of started) {
          const answer = await post(contender.url, name);
          if (!isDeepStrictEqual(answer, reference)) {
            throw new Error(`${contender.label} answers ${name} differently from the project's gateway:\n${JSON.stringify(answer).slice(0, 600)}\n${JSON.stringify(reference).slice(0, 600)}`);
          }
          for (let i = 0; i < 20; i += 1) await post(contender.url, name, tokens[i % tokens.length]);
        }
      }
      loadBefore = loadavg()[0]!;
      const cases = started.flatMap((c) => c.modes.flatMap((mode) => (Object.keys(QUERIES) as QueryName[]).map((name) => ({ c, mode, name, rounds: [] as Array<Awaited<ReturnType<typeof round>>> }))));
      for (let r = 0; r < ROUNDS; r += 1) {
        console.log(`[gateways] round ${r + 1} of ${ROUNDS}`);
        for (const item of cases) item.rounds.push(await round(item.c.url, item.c.child.pid!, item.name, item.mode === "on" ? anonymous : tokens));
      }
      for (const c of started) {
        for (const mode of c.modes) {
          const q = Object.fromEntries(cases.filter((k) => k.c === c && k.mode === mode).map((k) => [k.name, summarise(k.rounds)])) as Record<QueryName, Figures>;
          rows.push({ label: c.label, mode, q });
        }
      }
    } finally {
      for (const c of started) await stop(c.child);
    }

    const floor = rows[0]!;
    const apolloRow = rows[1]!;
    report.line("### The gateway beside its alternatives");
    report.line();
    report.line(`${machineLine()} Load average (1 min) ${loadBefore.toFixed(1)} when the rounds began, ${loadavg()[0]!.toFixed(1)} when they ended, on ${cpus().length} cores: above the core count, every process (the contenders and the subgraphs alike) waits for a core, and req/s says more about the machine than the gateway; the ratios within the run, and CPU per request, hold better.`);
    report.line();
    report.line(`npm start's five subgraphs, each its own process (Tees Valley extract), the same for every contender; ${CLIENTS} clients; all contenders run, one measured at a time, in ${ROUNDS} rounds that alternate between them (so a change in the machine's load falls on all alike); req/s is the median round of ${ROUND_MS / 1000} s; p50 and p99 over every request of the rounds; gateway CPU = the gateway process's user + system time per request (with its workers, when it has them). Q1: the README's cross-borough query (GraphiQL's first query; 5 authorities, 2 with plans, education and care). Q2: \`${QUERIES.Q2.query}\`. Every contender's answers equal the project gateway's (checked first). De-duplication on: the same anonymous request from every client; off: each client its own analyst token, so no subgraph request can be shared (varied real traffic behaves like this). @apollo/gateway and the fan-out share nothing between requests either way.`);
    report.line();
    const cell = (f: Figures, base: Figures) => [`${f.rps.toFixed(0)} (${((f.rps / base.rps) * 100).toFixed(0)}%)`, `${f.p50.toFixed(1)} / ${f.p99.toFixed(1)} ms`, `${f.cpuPerRequest.toFixed(2)} ms`];
    report.table(
      ["gateway", "de-duplication", "Q1 req/s (% of floor)", "Q1 p50 / p99", "Q1 gateway CPU/req", "Q2 req/s (% of floor)", "Q2 p50 / p99", "Q2 gateway CPU/req"],
      ["l", "l", "r", "r", "r", "r", "r", "r"],
      rows.map((r) => [r.label, r.label.startsWith("project") ? r.mode : "–", ...cell(r.q.Q1, floor.q.Q1), ...cell(r.q.Q2, floor.q.Q2)]),
    );
    const projectOff = rows.find((r) => r.label === "project's gateway" && r.mode === "off")!;
    const workersRow = rows.find((r) => r.label.includes("2 workers"));
    report.line();
    report.line(`Project's gateway with de-duplication off, as a ratio to @apollo/gateway in the same run: Q1 ${(projectOff.q.Q1.rps / apolloRow.q.Q1.rps).toFixed(2)}×, Q2 ${(projectOff.q.Q2.rps / apolloRow.q.Q2.rps).toFixed(2)}×; to the floor: Q1 ${(projectOff.q.Q1.rps / floor.q.Q1.rps).toFixed(2)}, Q2 ${(projectOff.q.Q2.rps / floor.q.Q2.rps).toFixed(2)} (aim: ≥ 0.90).${workersRow ? ` With two workers (both cores shared with the five subgraph processes): Q1 ${(workersRow.q.Q1.rps / floor.q.Q1.rps).toFixed(2)}, Q2 ${(workersRow.q.Q2.rps / floor.q.Q2.rps).toFixed(2)} of the floor.` : ""}`);
    return report.lines;
  } finally {
    await bench.close();
  }
}

/** a plan deployment's GraphQL type (its deployments/<name>.json) */
function typeNameOf(name: string): string {
  const file = join(repoRoot, "subgraphs/authority-plan/deployments", `${name}.json`);
  return (JSON.parse(readFileSync(file, "utf8")) as { typeName: string }).typeName;
}
