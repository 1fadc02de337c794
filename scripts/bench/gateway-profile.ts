/**
 * Where the project's gateway spends its CPU under the "gateways" bench's de-duplication-off load
 * (scripts/bench/gateways.ts: the same subgraph processes, 8 clients each with its own analyst token):
 * the gateway runs under `node --cpu-prof`, takes the load for one query, and the profile's self time
 * is summed by function and by package (ours: gateway/src and subgraphs/common; the rest by
 * node_modules package; Node's own internals as "node:").
 *
 *   node --import tsx scripts/bench/gateway-profile.ts [Q1|Q2 ...] [--seconds 15] [--top 40] [--keep <dir>]
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QUERIES, post, round, startBenchSubgraphs, type QueryName } from "./gateways";
import { stopChild } from "./processes";

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args.splice(i, 2)[1]! : fallback;
};
const seconds = Number(option("--seconds", "15"));
const top = Number(option("--top", "40"));
const keep = option("--keep", "");
const names = (args.length ? args : ["Q1", "Q2"]) as QueryName[];
for (const name of names) if (!(name in QUERIES)) throw new Error(`unknown query ${name}: Q1 or Q2`);

/** the package a script belongs to: "ours: gateway/src", "@graphql-hive/gateway-runtime", "node:" … */
function packageOf(url: string): string {
  if (!url) return "(native / GC / idle)";
  if (url.startsWith("node:")) return "node:";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const ours = /\/(gateway\/src|subgraphs\/common\/src)\//.exec(url);
  return ours ? `ours: ${ours[1]}` : url;
}

/** self time of the samples taken between `fromEndUs` and `toEndUs` before the profile's end (the load, not start-up) */
function summarise(profile: Profile, fromEndUs: number, toEndUs: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    const beforeEnd = profile.endTime - at;
    if (beforeEnd > fromEndUs || beforeEnd < toEndUs) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") {
      idle += us;
      continue;
    }
    total += us;
    const short = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(gateway|subgraphs)\//, "$1/");
    const key = `${functionName || "(anonymous)"}  ${short}${url ? `:${lineNumber + 1}` : ""}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    const pkg = packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  console.log(`busy ${(total / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`);
  console.log("\nself time by package:");
  for (const [pkg, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(us)}  ${pkg}`);
  console.log(`\nself time by function (top ${top}):`);
  for (const [key, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${key}`);
}

const bench = await startBenchSubgraphs();
try {
  for (const name of names) {
    const dir = keep ? join(keep, name) : mkdtempSync(join(tmpdir(), `tpg-profile-${name}-`));
    const { child, url } = await bench.startProject({ nodeArgs: ["--cpu-prof", "--cpu-prof-dir", dir] });
    // warm: plans made and cached, connections open
    for (let i = 0; i < 50; i += 1) await post(url, name, bench.tokens[i % bench.tokens.length]);
    const rounds = [];
    const loadStarted = performance.now();
    for (let elapsed = 0; elapsed < seconds; elapsed += 3) rounds.push(await round(url, child.pid!, name, bench.tokens));
    const requests = rounds.reduce((sum, r) => sum + r.done, 0);
    const cpu = rounds.reduce((sum, r) => sum + r.cpu, 0);
    console.log(`\n== ${name}: ${requests} requests, ${(requests / seconds).toFixed(0)} req/s, gateway CPU ${(cpu / requests).toFixed(2)} ms/request (profiler on: slower than the bench)`);
    const loadEnded = performance.now();
    await stopChild(child);
    const stopped = performance.now();
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error(`no profile written in ${dir}`);
    console.log(`profile: ${join(dir, file)} (summed over the load only)`);
    summarise(JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile, (stopped - loadStarted) * 1000, (stopped - loadEnded) * 1000);
  }
} finally {
  await bench.close();
}
