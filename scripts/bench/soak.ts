/**
 * Section "soak": `npm start`'s own processes (every subgraph its own process, then the gateway) serve
 * a mixed workload for minutes, as users do: cross-borough reads, comparisons, an editor's writes and
 * refused requests, from several clients at once. It fails (exit 1, and so CI) on any unexpected
 * answer, on a last-minute median latency above twice the first minute's, on any process's memory
 * growing by more than 20% after the first minute, or on fewer than 100,000 SQL statements served.
 *
 * SOAK_MINUTES (default 5) sets the length; it runs on, up to three times that, until the subgraphs
 * have run 100,000 statements. Embedded SQLite always; MySQL/MariaDB too when MYSQL_URL is set.
 * Uses npm start's fixed ports (4000–4003, 41xx): nothing else may be running on them. Memory is read
 * from /proc (Linux).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GATEWAY_PORT, graphName, repoRoot, subgraphCatalog } from "../catalog";
import { newSecret } from "../dev-secrets";
import { DEFAULT_TOKEN_PARTY } from "../../gateway/src/config";
import { issueToken } from "../../gateway/src/identity";
import { FIRST_QUERY } from "../../gateway/src/server";
import { createScratchDatabase, mysqlServerUrl, type ScratchDatabase } from "../../test/support/mysql";
import { machineLine, mb, SectionReport } from "./report";

const MINUTE = 60_000;
const MIN_STATEMENTS = 100_000;
const MAX_P50_GROWTH = 2;
const MAX_RSS_GROWTH = 1.2;
const CLIENTS = 4;
/** memory is compared from the end of the first minute (the second minute's median) */
const WARM_UP = MINUTE;
const GATEWAY = `http://127.0.0.1:${GATEWAY_PORT}`;
const REDCAR = "E06000003";
const STOCKTON = "E06000004";

type Kind = "cross-borough read" | "comparison" | "editor write" | "refused";

interface Sample {
  at: number;
  kind: Kind;
  ms: number;
}

interface ProcessInfo {
  name: string;
  pid: number;
}

interface SoakResult {
  database: string;
  minutes: number;
  requests: number;
  statements: number;
  unexpected: string[];
  firstMinute: { p50: number; p95: number; count: number };
  lastMinute: { p50: number; p95: number; count: number };
  byKind: Array<{ kind: Kind; first: number; last: number; count: number }>;
  memory: Array<{ name: string; warm: number; end: number; peak: number }>;
  timeline: Array<{ minute: number; requests: number; p50: number; rss: number[] }>;
  failures: string[];
}

const quantile = (values: number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const median = (values: number[]) => quantile(values, 0.5);
const floor = (values: number[]) => quantile(values, 0.1);

async function waitFor(url: string, deadlineMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited (code ${child.exitCode}) before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${deadlineMs / 1000} s`);
}

/** npm start's processes, named by the port each was given (read from /proc: Linux). */
function processesOf(startPid: number): ProcessInfo[] {
  const ports = new Map<string, string>([[String(GATEWAY_PORT), "gateway"], ...subgraphCatalog().map((s) => [String(s.port), s.name] as [string, string])]);
  const children = readFileSync(`/proc/${startPid}/task/${startPid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  return children.flatMap((pid) => {
    const port = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").find((v) => v.startsWith("PORT="))?.slice(5);
    const name = port ? ports.get(port) : undefined;
    return name ? [{ name, pid }] : [];
  });
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? Number.NaN) * 1024;
}

async function statementsServed(): Promise<number> {
  let total = 0;
  for (const s of subgraphCatalog()) {
    const health = (await (await fetch(`http://127.0.0.1:${s.port}/health`)).json()) as { statements?: unknown };
    if (typeof health.statements !== "number") throw new Error(`${s.name}'s /health reports no statement count`);
    total += health.statements;
  }
  return total;
}

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function post(query: string, variables: Record<string, unknown> | undefined, token: string | undefined): Promise<Answer> {
  const response = await fetch(`${GATEWAY}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Answer["body"] };
  } catch {
    return { status: response.status, body: { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] } };
  }
}

const COMPARISON = `query SoakComparison($codes: [ID!]) { authorities(codes: $codes) { code
  education { measures(codes: ["FSP_NEW_GOODDEV", "KS2RWM_Expected_STD"]) { comparison { latest { value } england { value } neighbours { mean median } rank { position outOf band } trend { direction } } } }
  care { measures(codes: ["LAC"]) { comparison { latest { value } region { value } rank { position band } trend { direction } } } } } }`;
const ACTIONS = `query SoakActions($codes: [ID!]) { authorities(codes: $codes) { code actions { id } } }`;
const ADD_NOTE = `mutation SoakAdd($action: ID!, $input: ProgressNoteInput!) { redcarAndCleveland { addProgressNote(actionId: $action, input: $input) { id } } }`;
const DELETE_NOTE = `mutation SoakDelete($id: ID!) { redcarAndCleveland { deleteProgressNote(id: $id) } }`;
const STOCKTON_NOTE = `mutation SoakForbidden($action: ID!, $input: ProgressNoteInput!) { stocktonOnTees { addProgressNote(actionId: $action, input: $input) { id } } }`;
const TOO_DEEP = `{ authorities { priorities { actions { priorities { actions { priorities { actions { priorities { actions { priorities { actions { title } } } } } } } } } } } }`;

interface Step {
  kind: Kind;
  run: () => Promise<Answer>;
  /** undefined when the answer is the expected one, else what was wrong */
  check: (answer: Answer) => string | undefined;
}

/** One client's round: each request with the answer it must get; anything else is unexpected. */
function workload(tokens: { analyst: string; editor: string }, actions: { redcar: string; stockton: string }): Step[] {
  const codes = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code ?? e.message);
  const clean = (answer: Answer) => (answer.status === 200 && !answer.body.errors ? undefined : `${answer.status} ${JSON.stringify(codes(answer)).slice(0, 300)}`);
  const refusedWith = (status: number, code: string) => (answer: Answer) =>
    answer.status === status && codes(answer)[0] === code && !answer.body.data ? undefined : `expected ${status} ${code}, got ${answer.status} ${JSON.stringify(codes(answer)).slice(0, 300)}`;
  const note = { text: "Soak test progress note", asAt: "2026-12" };
  const refusals: Array<Omit<Step, "kind">> = [
    { run: () => post(STOCKTON_NOTE, { action: actions.stockton, input: note }, tokens.editor), check: refusedWith(200, "FORBIDDEN") },
    { run: () => post(FIRST_QUERY, undefined, "not-a-token"), check: refusedWith(401, "UNAUTHENTICATED") },
    { run: () => post(TOO_DEEP, undefined, tokens.analyst), check: refusedWith(400, "OPERATION_LIMIT_EXCEEDED") },
  ];
  let turn = 0;
  return [
    { kind: "cross-borough read", run: () => post(FIRST_QUERY, undefined, undefined), check: clean },
    { kind: "comparison", run: () => post(COMPARISON, { codes: [REDCAR, STOCKTON, "E06000001", "E06000002", "E06000005"] }, tokens.analyst), check: clean },
    {
      kind: "editor write",
      // a note added and deleted again: the editor's writes (and their audit entries) without the plan growing
      run: async () => {
        const added = await post(ADD_NOTE, { action: actions.redcar, input: note }, tokens.editor);
        const id = added.body.data?.redcarAndCleveland?.addProgressNote?.id as string | undefined;
        if (!id) return added;
        return post(DELETE_NOTE, { id }, tokens.editor);
      },
      check: clean,
    },
    // one refused request a round, each kind in turn (the turn is taken when the answer is checked)
    {
      kind: "refused",
      run: () => refusals[turn % refusals.length]!.run(),
      check: (answer) => refusals[turn++ % refusals.length]!.check(answer),
    },
  ];
}

async function soakOne(label: string, databaseUrls: Record<string, string>, minutes: number): Promise<SoakResult> {
  const jwtSecret = newSecret();
  const env: NodeJS.ProcessEnv = { ...process.env, JWT_SECRETS: jwtSecret, NODE_ENV: "development" };
  for (const [name, url] of Object.entries(databaseUrls)) env[`DATABASE_URL_${graphName(name)}`] = url;
  const logFile = join(tmpdir(), `soak-${label.replace(/\W+/g, "-")}-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  console.log(`[soak ${label}] starting npm start's processes (log: ${logFile})`);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  try {
    await waitFor(`${GATEWAY}/healthcheck`, 15 * MINUTE, child);
    const processes = processesOf(child.pid!);
    const expected = subgraphCatalog().length + 1;
    if (processes.length !== expected) throw new Error(`found ${processes.length} of npm start's ${expected} processes: ${processes.map((p) => p.name).join(", ")}`);
    const token = (role: "analyst" | "editor", authority?: string) =>
      issueToken(jwtSecret, { subject: `soak-${role}`, role, ...(authority ? { authority } : {}), expiresIn: "2h", issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY });
    const tokens = { analyst: await token("analyst"), editor: await token("editor", REDCAR) };
    const found = await post(ACTIONS, { codes: [REDCAR, STOCKTON] }, tokens.analyst);
    const authorities = (found.body.data?.authorities ?? []) as Array<{ code: string; actions: Array<{ id: string }> | null }>;
    const actionOf = (code: string) => authorities.find((a) => a.code === code)?.actions?.[0]?.id;
    const actions = { redcar: actionOf(REDCAR), stockton: actionOf(STOCKTON) };
    if (!actions.redcar || !actions.stockton) throw new Error(`no seeded actions to write to: ${JSON.stringify(found.body).slice(0, 300)}`);
    // each client its own round (the refusals take turns per client)
    const rounds = Array.from({ length: CLIENTS }, () => workload(tokens, { redcar: actions.redcar!, stockton: actions.stockton! }));

    const statementsAtStart = await statementsServed();
    const samples: Sample[] = [];
    const unexpected: string[] = [];
    let unexpectedCount = 0;
    const memory = new Map<string, Array<{ at: number; rss: number }>>(processes.map((p) => [p.name, []]));
    const started = performance.now();
    const minimumMs = minutes * MINUTE;
    const maximumMs = 3 * minimumMs;
    let statements = 0;
    let stop = false;
    const sampler = (async () => {
      while (!stop) {
        const at = performance.now() - started;
        for (const p of processes) memory.get(p.name)!.push({ at, rss: rssOf(p.pid) });
        statements = (await statementsServed()) - statementsAtStart;
        const elapsed = performance.now() - started;
        if ((elapsed >= minimumMs && statements >= MIN_STATEMENTS) || elapsed >= maximumMs) stop = true;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    })();
    let lastReport = 0;
    await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; !stop; i += 1) {
        const round = rounds[client]!;
        const step = round[i % round.length]!;
        const t0 = performance.now();
        let problem: string | undefined;
        try {
          problem = step.check(await step.run());
        } catch (error) {
          problem = `request failed: ${error instanceof Error ? error.message : String(error)}`;
        }
        const t1 = performance.now();
        samples.push({ at: t0 - started, kind: step.kind, ms: t1 - t0 });
        if (problem) {
          unexpectedCount += 1;
          if (unexpected.length < 10) unexpected.push(`${step.kind}: ${problem}`);
        }
        if (client === 0 && t1 - lastReport > 30_000) {
          lastReport = t1;
          console.log(`[soak ${label}] ${((t1 - started) / 1000).toFixed(0)} s: ${samples.length} requests, ${statements} statements, ${unexpectedCount} unexpected`);
        }
      }
    }));
    await sampler;
    const totalMs = performance.now() - started;
    statements = (await statementsServed()) - statementsAtStart;

    const inWindow = (from: number, to: number) => samples.filter((s) => s.at >= from && s.at < to);
    const first = inWindow(0, MINUTE);
    const last = inWindow(totalMs - MINUTE, totalMs);
    const kinds = [...new Set(rounds[0]!.map((r) => r.kind))];
    const result: SoakResult = {
      database: label,
      minutes: totalMs / MINUTE,
      requests: samples.length,
      statements,
      unexpected: unexpectedCount ? [`${unexpectedCount} unexpected answers; first: ${unexpected.join(" | ")}`] : [],
      firstMinute: { p50: median(first.map((s) => s.ms)), p95: quantile(first.map((s) => s.ms), 0.95), count: first.length },
      lastMinute: { p50: median(last.map((s) => s.ms)), p95: quantile(last.map((s) => s.ms), 0.95), count: last.length },
      byKind: kinds.map((kind) => ({
        kind,
        first: median(first.filter((s) => s.kind === kind).map((s) => s.ms)),
        last: median(last.filter((s) => s.kind === kind).map((s) => s.ms)),
        count: samples.filter((s) => s.kind === kind).length,
      })),
      // The level a process's memory returns to (the floor: 10th percentile of a minute's samples, every 2 s), after
      // warm-up (the second minute) and in the last minute. A leak raises the floor; V8 letting its heap grow between
      // major collections raises the peaks only (with a forced collection every 15 s, the gateway's heap stayed flat
      // while its unforced RSS peaks rose by a third).
      memory: processes.map((p) => {
        const rows = memory.get(p.name)!;
        return {
          name: p.name,
          warm: floor(rows.filter((r) => r.at >= WARM_UP && r.at < WARM_UP + MINUTE).map((r) => r.rss)),
          end: floor(rows.filter((r) => r.at >= totalMs - MINUTE).map((r) => r.rss)),
          peak: Math.max(...rows.map((r) => r.rss)),
        };
      }),
      timeline: Array.from({ length: Math.ceil(totalMs / MINUTE) }, (_, minute) => {
        const from = minute * MINUTE;
        const to = Math.min(totalMs, from + MINUTE);
        const requests = samples.filter((s) => s.at >= from && s.at < to);
        return {
          minute: minute + 1,
          requests: requests.length,
          p50: median(requests.map((s) => s.ms)),
          rss: processes.map((p) => floor(memory.get(p.name)!.filter((r) => r.at >= from && r.at < to).map((r) => r.rss))),
        };
      }),
      failures: [],
    };
    result.failures.push(...result.unexpected);
    if (result.lastMinute.p50 > MAX_P50_GROWTH * result.firstMinute.p50) {
      result.failures.push(`last-minute median latency ${result.lastMinute.p50.toFixed(1)} ms is over ${MAX_P50_GROWTH}× the first minute's ${result.firstMinute.p50.toFixed(1)} ms`);
    }
    for (const m of result.memory) {
      if (!(m.end <= MAX_RSS_GROWTH * m.warm)) result.failures.push(`${m.name}: memory grew from ${mb(m.warm)} after warm-up to ${mb(m.end)} (over ${Math.round((MAX_RSS_GROWTH - 1) * 100)}%)`);
    }
    if (statements < MIN_STATEMENTS) result.failures.push(`only ${statements} SQL statements in ${(totalMs / 1000).toFixed(0)} s (at least ${MIN_STATEMENTS} wanted)`);
    return result;
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once("exit", resolve);
      setTimeout(() => {
        child.kill("SIGKILL");
        resolve(undefined);
      }, 20_000).unref();
    });
    log.end();
  }
}

function readMinutes(): number {
  const raw = process.env.SOAK_MINUTES?.trim();
  if (!raw) return 5;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < 3 || minutes > 120) throw new Error(`SOAK_MINUTES must be a number of minutes from 3 to 120, got "${raw}"`);
  return minutes;
}

export async function soakSection(): Promise<{ lines: string[]; passed: boolean }> {
  const minutes = readMinutes();
  const results: SoakResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), "soak-"));
  try {
    const sqlite = Object.fromEntries(subgraphCatalog().map((s) => [s.name, `sqlite:${join(dir, `${s.name}.sqlite`)}`]));
    results.push(await soakOne("SQLite (embedded)", sqlite, minutes));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (mysqlServerUrl) {
    const scratches: ScratchDatabase[] = [];
    try {
      for (const s of subgraphCatalog()) scratches.push(await createScratchDatabase(`soak_${s.name}`));
      results.push(await soakOne("MariaDB/MySQL", Object.fromEntries(subgraphCatalog().map((s, i) => [s.name, scratches[i]!.url])), minutes));
    } finally {
      for (const s of scratches) await s.drop().catch(() => undefined);
    }
  }

  const report = new SectionReport();
  report.line("## Soak: npm start's processes under a mixed workload");
  report.line();
  report.line(machineLine());
  report.line();
  report.line(
    `\`npm run bench -- soak\` (run by CI too): \`npm start\`'s own processes, each subgraph its own process, then the gateway; ${CLIENTS} clients in a loop, each round a cross-borough read (GraphiQL's first query, anonymous), a comparison of five authorities (analyst), an editor's write (a progress note added and deleted again, each with its audit entry) and a refused request (in turn: another authority's write, FORBIDDEN; a bad token, 401; a query over the depth limit, 400). ` +
      `It fails on any unexpected answer, a last-minute median latency over ${MAX_P50_GROWTH}× the first minute's, memory growing by over ${Math.round((MAX_RSS_GROWTH - 1) * 100)}% after warm-up (each process's RSS floor, the 10th percentile of samples every 2 s, in the second minute against the last minute; a leak raises the floor, while V8 letting its heap grow between collections raises only the peaks, listed too), or fewer than ${MIN_STATEMENTS.toLocaleString("en-GB")} SQL statements.`,
  );
  report.line();
  report.table(
    ["database", "minutes", "requests", "SQL statements", "unexpected answers", "p50 first minute", "p50 last minute", "p95 first / last", "verdict"],
    ["l", "r", "r", "r", "r", "r", "r", "r", "l"],
    results.map((r) => [
      r.database, r.minutes.toFixed(1), r.requests.toLocaleString("en-GB"), r.statements.toLocaleString("en-GB"), r.unexpected.length ? r.unexpected[0]!.split(";")[0]! : "0",
      `${r.firstMinute.p50.toFixed(1)} ms`, `${r.lastMinute.p50.toFixed(1)} ms (${(r.lastMinute.p50 / r.firstMinute.p50).toFixed(2)}×)`,
      `${r.firstMinute.p95.toFixed(1)} / ${r.lastMinute.p95.toFixed(1)} ms`, r.failures.length ? "FAILED" : "passed",
    ]),
  );
  if (!mysqlServerUrl) report.line("| MariaDB/MySQL | not run: MYSQL_URL is not set | | | | | | | |");
  report.line();
  for (const r of results) {
    report.line(`${r.database}, median latency by kind of request (first minute → last minute), and memory (RSS) per process:`);
    report.line();
    report.table(["request", "count", "first minute", "last minute"], ["l", "r", "r", "r"], r.byKind.map((k) => [k.kind, k.count.toLocaleString("en-GB"), `${k.first.toFixed(1)} ms`, `${k.last.toFixed(1)} ms`]));
    report.line();
    report.table(
      ["process", "RSS after warm-up (floor)", "RSS last minute (floor)", "growth", "peak RSS"], ["l", "r", "r", "r", "r"],
      r.memory.map((m) => [m.name, mb(m.warm), mb(m.end), `${(((m.end - m.warm) / m.warm) * 100).toFixed(1)}%`, mb(m.peak)]),
    );
    report.line();
    report.line("Minute by minute: requests, median latency, and each process's memory floor (MB):");
    report.line();
    report.table(
      ["minute", "requests", "p50", ...r.memory.map((m) => m.name)], ["r", "r", "r", ...r.memory.map(() => "r" as const)],
      r.timeline.map((t) => [t.minute, t.requests.toLocaleString("en-GB"), `${t.p50.toFixed(1)} ms`, ...t.rss.map((b) => (Number.isFinite(b) ? Math.round(b / 1048576) : "–"))]),
    );
    report.line();
    for (const failure of r.failures) report.line(`- FAILED: ${failure}`);
    if (r.failures.length) report.line();
  }
  return { lines: report.lines, passed: results.every((r) => r.failures.length === 0) };
}
