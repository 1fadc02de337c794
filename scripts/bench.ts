/**
 * npm run bench [-- <LAIT folder>] — speed and memory figures, written to docs/benchmarks.md.
 *
 * 1. The full national LAIT import (region, education, care), on the embedded
 *    database, and on MySQL/MariaDB too when MYSQL_URL is set.
 * 2. The cross-authority comparison over every authority through the real gateway
 *    (Hive Gateway + router runtime) on the national data: latency, throughput and
 *    SQL statements per query.
 * The LAIT folder defaults to ../shared/reference-data/dfe-lait.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, relative } from "node:path";
import { repoRoot } from "./catalog";
import { importLaitInto, LAIT_SUBGRAPHS, type LaitSubgraph } from "./lait-import";
import { startSystem, type RunningSystem } from "../test/support/system";
import { NonceMemory, signRequest, verifyRequest, type Identity } from "@tees/subgraph-common/signed-identity";
import { FIRST_QUERY } from "../gateway/src/server";
import { createScratchDatabase, mysqlServerUrl } from "../test/support/mysql";

const folder = process.argv[2] ?? join(repoRoot, "../shared/reference-data/dfe-lait");
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function importAll(urls: Record<LaitSubgraph, string>) {
  const rows: Array<{ name: string; ms: number; figures: number; rssAfter: number }> = [];
  for (const name of LAIT_SUBGRAPHS) {
    const { ms, result } = await importLaitInto(name, { ...process.env, DATABASE_URL: urls[name], DB_QUERY_TIMEOUT_MS: "600000" }, folder);
    rows.push({ name, ms, figures: result.figures, rssAfter: process.memoryUsage().rss });
  }
  return rows;
}

const report: string[] = [];
const line = (text = "") => {
  report.push(text);
  console.log(text);
};

line("# Benchmarks");
line();
line(`Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${mb(totalmem())} RAM.`);
line(`Data: ${relative(repoRoot, folder)} (the national LAIT file: 641,070 values, 434 measures).`);
line();

// 1. national import
const dir = mkdtempSync(join(tmpdir(), "bench-"));
const sqlite = { region: `sqlite:${dir}/region.sqlite`, education: `sqlite:${dir}/education.sqlite`, care: `sqlite:${dir}/care.sqlite` };
line("## Full national import (`npm run import:lait`)");
line();
line("Each subgraph's import reads and checks the whole file in memory, then writes in one transaction. Times exclude migrations. RSS is the process's resident memory after that subgraph's import (the parsed file is the bulk of it; a streaming reader would lower it).");
line();
line("| database | subgraph | figures | time | rows/s | RSS after |");
line("| --- | --- | ---: | ---: | ---: | ---: |");
const printImport = (database: string, rows: Awaited<ReturnType<typeof importAll>>) => {
  for (const r of rows) line(`| ${database} | ${r.name} | ${r.figures.toLocaleString("en-GB")} | ${seconds(r.ms)} | ${r.figures ? Math.round(r.figures / (r.ms / 1000)).toLocaleString("en-GB") : "–"} | ${mb(r.rssAfter)} |`);
};
printImport("SQLite (embedded)", await importAll(sqlite));
// again: the re-import replaces every row (idempotent), which costs the deletes too
printImport("SQLite, re-import", await importAll(sqlite));
if (mysqlServerUrl) {
  const scratches = await Promise.all((["region", "education", "care"] as const).map((n) => createScratchDatabase(`bench_${n}`)));
  try {
    printImport("MariaDB/MySQL", await importAll({ region: scratches[0]!.url, education: scratches[1]!.url, care: scratches[2]!.url }));
  } finally {
    for (const s of scratches) await s.drop();
  }
} else {
  line("| MariaDB/MySQL | not run: MYSQL_URL is not set | | | | |");
}
line();

// 2. comparison over every authority, through the gateway
const system = await startSystem({ existingDatabases: sqlite });
try {
  const QUERY = `{ authorities { code name
    education { measures(codes: ["KS2RWM_Expected_STD", "TotPerAbNew"]) { measure { code } comparison { latest { value period { label } } england { value } region { value } neighbours { mean median } rank { position outOf band } trend { direction } } } }
    care { measures(codes: ["LAC", "LACStable_2016on", "CareLeaverEET"]) { measure { code } comparison { latest { value period { label } } england { value } region { value } neighbours { mean median } rank { position outOf band } trend { direction } } } } } }`;
  const warm = await system.query(QUERY);
  if (warm.errors) throw new Error(JSON.stringify(warm.errors));
  const authorities = (warm.data!.authorities as unknown[]).length;
  system.resetStatements();
  await system.query(QUERY);
  const statements = system.statements();

  const latencies: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    await system.query(QUERY);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const concurrency = 4;
  let done = 0;
  const until = performance.now() + 10_000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      await system.query(QUERY);
      done += 1;
    }
  }));
  line("## Cross-authority comparison over every authority");
  line();
  line(`One query: every authority (${authorities}), 5 measures each (2 education, 3 care), each with England, region, statistical-neighbour mean and median, national rank and band, and trend — ${authorities * 5} comparisons, through Hive Gateway with the router runtime, subgraphs on the national data in SQLite, all in this one process.`);
  line();
  line("| measure | value |");
  line("| --- | ---: |");
  line(`| SQL statements per query (all subgraphs) | ${statements} |`);
  line(`| latency, one at a time (20 runs): median | ${latencies[10]!.toFixed(0)} ms |`);
  line(`| latency, one at a time: slowest | ${latencies.at(-1)!.toFixed(0)} ms |`);
  line(`| throughput, ${concurrency} concurrent clients for 10 s | ${(done / 10).toFixed(1)} queries/s (${Math.round((done / 10) * authorities * 5)} comparisons/s) |`);
  line(`| RSS of the process (gateway + five subgraphs) after the load | ${mb(process.memoryUsage().rss)} |`);
  line();
  line("Not a unit-test target: these figures vary with the machine. The statement count does not grow with the number of authorities (DataLoader batching; `test/lait.test.ts` guards it).");
  line();
  await identityCosts(system);
} finally {
  await system.close();
  rmSync(dir, { recursive: true, force: true });
}

/** 3. What identity costs: the HMAC per subgraph request, and de-duplication keyed by identity. */
async function identityCosts(system: RunningSystem) {
  const secret = "x".repeat(43);
  const identity: Identity = { subject: "editor@E06000003", role: "editor", authority: "E06000003" };
  const body = JSON.stringify({ query: FIRST_QUERY, variables: { representations: Array.from({ length: 20 }, (_, i) => ({ __typename: "Authority", code: `E0600000${i}` })) } });
  const nonces = new NonceMemory(30_000);
  const rounds = 20_000;
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    const headers = signRequest({ secret, audience: "education" }, identity, "POST", body);
    const verified = await verifyRequest((name) => headers[name], "POST", body, { secrets: [secret], maxSkewMs: 30_000, audience: "education" }, nonces);
    if (!verified.ok) throw new Error(verified.reason);
  }
  const microseconds = ((performance.now() - started) * 1000) / rounds;

  // the first query of GraphiQL (the five Tees Valley authorities' priorities and outcomes), 8 clients for 5 s
  const clients = 8;
  const run = async (tokenFor: (client: number) => string | undefined) => {
    let done = 0;
    const until = performance.now() + 5_000;
    await Promise.all(Array.from({ length: clients }, async (_, client) => {
      const token = tokenFor(client);
      while (performance.now() < until) {
        const answer = await system.query(FIRST_QUERY, undefined, { token });
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        done += 1;
      }
    }));
    return done / 5;
  };
  const shared = await system.token({ role: "analyst", authority: null });
  const own = await Promise.all(Array.from({ length: clients }, (_, i) => system.token({ role: "analyst", authority: null, subject: `analyst-${i}` })));
  await run(() => undefined); // warm
  const anonymous = await run(() => undefined);
  const oneToken = await run(() => shared);
  const ownTokens = await run((client) => own[client]);

  line("## Identity: signing and de-duplication");
  line();
  line(`Every subgraph request carries the verified identity, signed with that subgraph's secret (HMAC-SHA256, protocol v2, over the target subgraph's name, the identity, the body, a timestamp and a nonce), and the subgraph checks it before parsing. Sign + verify of one ${(body.length / 1024).toFixed(1)} KB request: **${microseconds.toFixed(1)} µs** (mean of ${rounds.toLocaleString("en-GB")}).`);
  line();
  line(`The gateway shares one in-flight subgraph answer between identical queries only of the same identity (otherwise an audit log could reach the wrong caller). GraphiQL's first query (five authorities' priorities, lead groups and two outcome measures), ${clients} concurrent clients for 5 s each:`);
  line();
  line("| callers | queries/s |");
  line("| --- | ---: |");
  line(`| anonymous (one identity) | ${anonymous.toFixed(1)} |`);
  line(`| one analyst token shared by every client | ${oneToken.toFixed(1)} |`);
  line(`| each client its own analyst (${clients} identities: no sharing between them) | ${ownTokens.toFixed(1)} |`);
  line();
  line("The difference between the last two rows is what de-duplication saves when callers share an identity; the token check (jose, HS256) is in all but the first.");
}

mkdirSync(join(repoRoot, "docs"), { recursive: true });
writeFileSync(join(repoRoot, "docs/benchmarks.md"), report.join("\n") + "\n");
console.log(`\nwrote docs/benchmarks.md`);
process.exit(0);
