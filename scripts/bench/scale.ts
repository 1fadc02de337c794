/**
 * Section "scale": what happens as authorities join. For N = 2, 10, 50 and 153 plan deployments it
 * generates N deployments for the benchmark only (English local authorities' real codes and names,
 * in the registry's order; their content is a SYNTHETIC copy of Redcar and Cleveland's seeds with
 * every plan title prefixed "Synthetic (benchmark only)", written to a temporary folder: never
 * committed, never served by npm start), runs them (several per process, each with its own SQLite
 * database and port) beside the region registry, composes with both composers, starts the gateway
 * as its own process (gateway/src/index.ts) and measures:
 * composition time (Hive's and Apollo's), supergraph size, gateway start time and RSS, the first
 * cross-borough request (planning included), and p50, p95 and throughput of the cross-borough
 * query and of a one-authority query.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startService } from "@tees/subgraph-common/start-service";
import { EXTRACT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { readCsv } from "@tees/subgraph-common/csv";
import { graphName, repoRoot, subgraphCatalog } from "../catalog";
import { composeApollo, composeGuild } from "../composition";
import { newSecret } from "../dev-secrets";
import { loadConfig as planConfig } from "../../subgraphs/authority-plan/src/config";
import { planService } from "../../subgraphs/authority-plan/src/service-definition";
import { loadConfig as regionConfig } from "../../subgraphs/region/src/config";
import { regionService } from "../../subgraphs/region/src/service-definition";
import { servedSdlFile } from "@tees/subgraph-common/sdl";
import { planSdl as planTypeDefs, regionSdl as regionTypeDefs, sdlText } from "../sdl";
import type { HostedService } from "./scale-host";
import { freePort, spawnReady, stopChild } from "./processes";
import { machineLine, mb, SectionReport } from "./report";

export const SCALE_SIZES = [2, 10, 50, 153] as const;
const THEME = "early-years";
export const CROSS_BOROUGH = `{ authorities { name priorities(theme: "${THEME}") { title } } }`;
const oneAuthority = (code: string) => `{ authorities(codes: ["${code}"]) { name priorities(theme: "${THEME}") { title } } }`;
const PER_HOST = 40;
const CLIENTS = 4;
const SECONDS = 8;
const SEQUENTIAL = 40;

interface Authority { code: string; name: string; typeName: string; slug: string }

/** The first `n` English local authorities of the registry (seeds/region/areas.csv), as plan deployments. */
function authorities(n: number): Authority[] {
  const rows: Authority[] = [];
  for (const { record } of readCsv(join(repoRoot, "seeds/region/areas.csv"))) {
    if (record.kind !== "local-authority") continue;
    const name = record.name!;
    const words = name.normalize("NFKD").replace(/[^A-Za-z0-9 ]/g, " ").split(" ").filter(Boolean);
    rows.push({
      code: record.code!,
      name,
      typeName: `Bench${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")}`,
      slug: `bench-${words.join("-").toLowerCase()}`,
    });
  }
  if (rows.length < n) throw new Error(`the registry lists ${rows.length} local authorities, fewer than ${n}`);
  return rows.slice(0, n);
}

/** Redcar and Cleveland's plan seeds, every plan title marked synthetic. */
function syntheticSeeds(dir: string): string {
  const folder = join(dir, "synthetic-plan-seeds");
  cpSync(join(repoRoot, "seeds/redcar-and-cleveland"), folder, { recursive: true });
  const plans = join(folder, "plans");
  for (const file of readdirSync(plans).filter((f) => f.endsWith(".json"))) {
    const data = JSON.parse(readFileSync(join(plans, file), "utf8")) as { plan?: { title?: string } };
    if (data.plan?.title) data.plan.title = `Synthetic (benchmark only): ${data.plan.title}`;
    writeFileSync(join(plans, file), JSON.stringify(data, null, 2));
  }
  return folder;
}

const rssOf = (pid: number, field: "VmRSS" | "VmHWM") => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, "")) * 1024;
};

async function startHost(specFile: string): Promise<{ child: ChildProcess; urls: Record<string, string> }> {
  const { child, line } = await spawnReady(["scripts/bench/scale-host.ts", specFile], process.env);
  return { child, urls: JSON.parse(line) as Record<string, string> };
}

async function post(url: string, query: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
  return body.data;
}

async function latencies(url: string, query: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await post(url, query);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function throughput(url: string, query: string): Promise<number> {
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      await post(url, query);
      done += 1;
    }
  }));
  return done / SECONDS;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface ScaleRow {
  n: number;
  guildMs: number;
  apolloMs: number;
  supergraphBytes: number;
  gatewayStartMs: number;
  gatewayRss: number;
  gatewayPeakRss: number;
  hostRss: number;
  firstMs: number;
  cross: { p50: number; p95: number; rps: number; priorities: number };
  one: { p50: number; p95: number; rps: number };
}

/** Seeds one plan database and one registry database, to copy for every deployment of every N. */
async function templates(dir: string, seeds: string, all: Authority[]) {
  const deploymentFile = join(dir, "template-deployment.json");
  writeFileSync(deploymentFile, JSON.stringify({ code: all[0]!.code, name: all[0]!.name, typeName: all[0]!.typeName, seedFolder: all[0]!.slug, port: 1 }));
  // each deployment serves the SDL beside its JSON, written as `npm run compose` writes it
  writeFileSync(servedSdlFile(deploymentFile), sdlText(planTypeDefs(all[0]!.typeName)));
  const plan = join(dir, "template-plan.sqlite");
  const lifecycle = { port: 0, host: "127.0.0.1", migrateOnStart: true, seedOnStart: "always" as const, signing: { secrets: [newSecret()], maxSkewMs: 30_000 } };
  await (await startService(planService(planConfig({ DATABASE_URL: `sqlite:${plan}`, DEPLOYMENT_FILE: deploymentFile, SEED_FOLDER: seeds })), lifecycle)).close();
  const planAuthoritiesFile = join(dir, "template-plan-authorities.json");
  writeFileSync(planAuthoritiesFile, JSON.stringify([]));
  writeFileSync(servedSdlFile(planAuthoritiesFile, "region"), sdlText(regionTypeDefs([])));
  const region = join(dir, "template-region.sqlite");
  await (await startService(regionService(regionConfig({ DATABASE_URL: `sqlite:${region}`, PLAN_AUTHORITIES_FILE: planAuthoritiesFile, LAIT_FOLDER: EXTRACT_LAIT_FOLDER })), lifecycle)).close();
  return { plan, region };
}

async function measure(n: number, dir: string, seeds: string, template: { plan: string; region: string }): Promise<ScaleRow> {
  const chosen = authorities(n);
  const work = join(dir, `n${n}`);
  mkdirSync(join(work, "deployments"), { recursive: true });
  const planAuthoritiesFile = join(work, "plan-authorities.json");
  writeFileSync(planAuthoritiesFile, JSON.stringify(chosen.map((a) => ({ code: a.code, typeName: a.typeName }))));

  // composition: the registry, N plan deployments, and the outcome subgraphs as they are
  const outcomes = subgraphCatalog().filter((s) => s.name === "education" || s.name === "care");
  const typeDefs = [
    { name: "region", typeDefs: regionTypeDefs(chosen.map((a) => ({ code: a.code, typeName: a.typeName }))) },
    ...chosen.map((a) => ({ name: a.slug, typeDefs: planTypeDefs(a.typeName) })),
    ...outcomes.map((s) => ({ name: s.name, typeDefs: s.typeDefs() })),
  ];
  const subgraphs = typeDefs.map((s) => ({ ...s, url: `http://127.0.0.1:1/${s.name}` }));
  let started = performance.now();
  const guild = composeGuild(subgraphs);
  const guildMs = performance.now() - started;
  if ("errors" in guild) throw new Error(`N=${n}: Hive's composition failed: ${guild.errors.join("\n")}`);
  started = performance.now();
  const apollo = composeApollo(subgraphs);
  const apolloMs = performance.now() - started;
  if ("errors" in apollo) throw new Error(`N=${n}: Apollo's composition failed: ${apollo.errors.join("\n")}`);
  const supergraphFile = join(work, "supergraph.graphql");
  writeFileSync(supergraphFile, guild.supergraphSdl);
  writeFileSync(servedSdlFile(planAuthoritiesFile, "region"), sdlText(typeDefs[0]!.typeDefs));

  // the subgraphs: the registry and N plan deployments, PER_HOST to a process, each its own database
  const secrets = new Map<string, string>();
  const services: HostedService[] = [];
  const regionDb = join(work, "region.sqlite");
  copyFileSync(template.region, regionDb);
  secrets.set("region", newSecret());
  services.push({ kind: "region", name: "region", planAuthoritiesFile, laitFolder: EXTRACT_LAIT_FOLDER, databaseUrl: `sqlite:${regionDb}`, secret: secrets.get("region")! });
  for (const [i, a] of chosen.entries()) {
    const deploymentFile = join(work, "deployments", `${a.slug}.json`);
    writeFileSync(deploymentFile, JSON.stringify({ code: a.code, name: a.name, typeName: a.typeName, seedFolder: a.slug, port: 20_000 + i }));
    writeFileSync(servedSdlFile(deploymentFile), sdlText(typeDefs[i + 1]!.typeDefs));
    const db = join(work, `${a.slug}.sqlite`);
    copyFileSync(template.plan, db);
    secrets.set(a.slug, newSecret());
    services.push({ kind: "plan", name: a.slug, deploymentFile, seedFolder: seeds, databaseUrl: `sqlite:${db}`, secret: secrets.get(a.slug)! });
  }
  const hosts: Array<{ child: ChildProcess; urls: Record<string, string> }> = [];
  const gatewayPort = await freePort();
  let gateway: ChildProcess | undefined;
  try {
    for (let i = 0; i < services.length; i += PER_HOST) {
      const specFile = join(work, `host-${i / PER_HOST}.json`);
      writeFileSync(specFile, JSON.stringify({ services: services.slice(i, i + PER_HOST) }));
      hosts.push(await startHost(specFile));
    }
    const urls = Object.assign({}, ...hosts.map((h) => h.urls)) as Record<string, string>;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: process.env.HOME,
      HOST: "127.0.0.1", PORT: String(gatewayPort), SUPERGRAPH_FILE: supergraphFile,
      JWT_SECRETS: newSecret(), GATEWAY_ANONYMOUS_READ: "true", GATEWAY_RATE_LIMIT: "0", GATEWAY_ARBITRARY_DOCUMENTS: "everyone",
    };
    for (const s of typeDefs) {
      const g = graphName(s.name);
      // the outcome subgraphs are composed but not run: the measured queries never reach them
      env[`SUBGRAPH_URL_${g}`] = urls[s.name] ?? `http://127.0.0.1:1/${s.name}`;
      env[`SUBGRAPH_SECRET_${g}`] = secrets.get(s.name) ?? newSecret();
    }
    started = performance.now();
    gateway = spawn(process.execPath, ["--import", "tsx", "gateway/src/index.ts"], { cwd: repoRoot, env, stdio: ["ignore", "ignore", "inherit"] });
    const base = `http://127.0.0.1:${gatewayPort}`;
    for (;;) {
      if (gateway.exitCode !== null) throw new Error(`N=${n}: the gateway exited (code ${gateway.exitCode})`);
      const ok = await fetch(`${base}/readiness`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const gatewayStartMs = performance.now() - started;
    const gatewayRss = rssOf(gateway.pid!, "VmRSS");
    const url = `${base}/graphql`;

    started = performance.now();
    const first = (await post(url, CROSS_BOROUGH)) as { authorities: Array<{ priorities: unknown[] | null }> };
    const firstMs = performance.now() - started;
    const priorities = first.authorities.reduce((sum, a) => sum + (a.priorities?.length ?? 0), 0);
    if (first.authorities.filter((a) => a.priorities?.length).length !== n) {
      throw new Error(`N=${n}: expected priorities from ${n} authorities, got ${first.authorities.filter((a) => a.priorities?.length).length}`);
    }
    await latencies(url, CROSS_BOROUGH, 5);
    const crossTimes = await latencies(url, CROSS_BOROUGH, SEQUENTIAL);
    const crossRps = await throughput(url, CROSS_BOROUGH);
    const one = oneAuthority(chosen[chosen.length - 1]!.code);
    await latencies(url, one, 5);
    const oneTimes = await latencies(url, one, SEQUENTIAL * 2);
    const oneRps = await throughput(url, one);
    return {
      n, guildMs, apolloMs, supergraphBytes: Buffer.byteLength(guild.supergraphSdl), gatewayStartMs, gatewayRss,
      gatewayPeakRss: rssOf(gateway.pid!, "VmHWM"),
      hostRss: hosts.reduce((sum, h) => sum + rssOf(h.child.pid!, "VmRSS"), 0),
      firstMs,
      cross: { p50: quantile(crossTimes, 0.5), p95: quantile(crossTimes, 0.95), rps: crossRps, priorities },
      one: { p50: quantile(oneTimes, 0.5), p95: quantile(oneTimes, 0.95), rps: oneRps },
    };
  } finally {
    if (gateway) await stopChild(gateway, 20_000);
    for (const host of hosts) await stopChild(host.child, 20_000);
  }
}

/** growth from the previous N: the exponent k in figure ∝ N^k (1 = linear, 0 = flat) */
const growth = (rows: ScaleRow[], i: number, pick: (r: ScaleRow) => number) => {
  if (i === 0) return "";
  const k = Math.log(pick(rows[i]!) / pick(rows[i - 1]!)) / Math.log(rows[i]!.n / rows[i - 1]!.n);
  return ` (N^${k.toFixed(2)})`;
};

export async function scaleSection(sizes: readonly number[] = SCALE_SIZES): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "tpg-scale-"));
  const report = new SectionReport();
  try {
    const seeds = syntheticSeeds(dir);
    const template = await templates(dir, seeds, authorities(Math.max(...sizes)));
    const rows: ScaleRow[] = [];
    for (const n of sizes) {
      console.log(`[scale] N = ${n}`);
      rows.push(await measure(n, dir, seeds, template));
    }
    report.line("### Scale: N authority plan subgraphs");
    report.line();
    report.line(machineLine());
    report.line();
    report.line(
      `N plan deployments generated for the benchmark only (real codes and names of the registry's first N English local authorities; content a synthetic copy of Redcar and Cleveland's seeds, titles marked "Synthetic (benchmark only)", in a temporary folder), ${PER_HOST} to a process, each with its own SQLite database and port, beside the region registry; education and care composed but not run (the queries below never reach them). The gateway runs as its own process (\`gateway/src/index.ts\`), anonymous reads, rate limit off. Cross-borough: \`${CROSS_BOROUGH}\` (every authority of the registry; N of them have a plan subgraph). One authority: the same for \`codes: [<the N-th authority>]\`. p50/p95 over ${SEQUENTIAL} sequential requests (${SEQUENTIAL * 2} for one authority) after 5 warm-up requests; throughput with ${CLIENTS} clients for ${SECONDS} s. "First request" is the first cross-borough request after the gateway is ready: query planning included. In brackets: growth from the previous N as the exponent k of N^k (1 = linear, 0 = flat).`,
    );
    report.line();
    report.table(
      ["N", "compose (Hive)", "compose (Apollo)", "supergraph", "gateway start", "gateway RSS ready → after", "subgraph processes RSS"],
      ["r", "r", "r", "r", "r", "r", "r"],
      rows.map((r, i) => [
        r.n,
        `${r.guildMs.toFixed(0)} ms${growth(rows, i, (x) => x.guildMs)}`,
        `${r.apolloMs.toFixed(0)} ms${growth(rows, i, (x) => x.apolloMs)}`,
        `${(r.supergraphBytes / 1024).toFixed(0)} KB${growth(rows, i, (x) => x.supergraphBytes)}`,
        `${(r.gatewayStartMs / 1000).toFixed(2)} s${growth(rows, i, (x) => x.gatewayStartMs)}`,
        `${mb(r.gatewayRss)} → ${mb(r.gatewayPeakRss)}${growth(rows, i, (x) => x.gatewayPeakRss)}`,
        `${mb(r.hostRss)}${growth(rows, i, (x) => x.hostRss)}`,
      ]),
    );
    report.line();
    report.table(
      ["N", "first request", "cross-borough p50", "p95", "req/s", "priorities returned", "one authority p50", "p95", "req/s"],
      ["r", "r", "r", "r", "r", "r", "r", "r", "r"],
      rows.map((r, i) => [
        r.n,
        `${r.firstMs.toFixed(0)} ms${growth(rows, i, (x) => x.firstMs)}`,
        `${r.cross.p50.toFixed(1)} ms${growth(rows, i, (x) => x.cross.p50)}`,
        `${r.cross.p95.toFixed(1)} ms`,
        `${r.cross.rps.toFixed(1)}`,
        r.cross.priorities,
        `${r.one.p50.toFixed(1)} ms${growth(rows, i, (x) => x.one.p50)}`,
        `${r.one.p95.toFixed(1)} ms`,
        `${r.one.rps.toFixed(1)}`,
      ]),
    );
    return report.lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
