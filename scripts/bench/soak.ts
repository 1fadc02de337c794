/**
 * Section "soak": `npm start`'s own processes (every subgraph its own process, then the gateway) serve
 * a mixed workload for minutes, as users do: cross-borough reads, comparisons, an editor's writes and
 * refused requests, from several clients at once. It fails (exit 1, and so CI) on any unexpected
 * answer, on a last-minute median latency above twice the first minute's, on any process's memory
 * (retained after a full collection) growing by more than 20% after warm-up (RSS by more than 50%), or on
 * fewer than 100,000 SQL statements served.
 *
 * SOAK_MINUTES (default 5) sets the length; it runs on, up to three times that, until the subgraphs
 * have run 100,000 statements. Embedded SQLite always; MySQL/MariaDB too when MYSQL_URL is set.
 * Uses npm start's fixed ports (4000–4003, 41xx): nothing else may be running on them. Memory is read
 * inside each process by soak-probe.mjs (NODE_OPTIONS, for the soak only).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { GATEWAY_PORT, subgraphCatalog } from "../catalog";
import { newSecret } from "../dev-secrets";
import { DEFAULT_TOKEN_PARTY } from "../../gateway/src/config";
import { issueToken } from "../../gateway/src/identity";
import { FIRST_QUERY } from "../../gateway/src/server";
import { createScratchDatabase, mysqlServerUrl, type ScratchDatabase } from "../../test/support/mysql";
import { GATEWAY, startProcesses, statementsServed } from "./processes";
import { machineLine, mb, SectionReport } from "./report";

const MINUTE = 60_000;
const MIN_STATEMENTS = 100_000;
const MAX_P50_GROWTH = 2;
/** retained memory (heap and external after a full collection) may grow by at most 20% after warm-up */
const MAX_RETAINED_GROWTH = 1.2;
/** RSS also moves with the heap V8 reserves ahead of need (a process whose retained heap stayed at 36.5 MB for 18 minutes saw its RSS rise 28%): a backstop for memory outside the heap */
const MAX_RSS_GROWTH = 1.5;
const CLIENTS = 4;
/** memory is compared from the end of the first minute (the second minute's median) */
const WARM_UP = MINUTE;
const REDCAR = "E06000003";
const STOCKTON = "E06000004";

type Kind = "cross-borough read" | "comparison" | "editor write" | "refused";

interface Sample {
  at: number;
  kind: Kind;
  ms: number;
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
  memory: Array<{ name: string; warmRetained: number; endRetained: number; warmRss: number; endRss: number; peakRss: number }>;
  timeline: Array<{ minute: number; partial: boolean; requests: number; p50: number; retained: number[] }>;
  failures: string[];
}

const quantile = (values: number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const median = (values: number[]) => quantile(values, 0.5);

interface ProbeRow {
  at: number;
  retained: number;
  rss: number;
}

/** What soak-probe.mjs wrote for each process (by its port), times made relative to the start of the workload. */
function probeRows(dir: string, startedWall: number): Map<string, ProbeRow[]> {
  const byPort = new Map<string, string>([[String(GATEWAY_PORT), "gateway"], ...subgraphCatalog().map((s) => [String(s.port), s.name] as [string, string])]);
  const rows = new Map<string, ProbeRow[]>();
  for (const [port, name] of byPort) {
    const file = join(dir, `${port}.jsonl`);
    if (!existsSync(file)) continue;
    rows.set(name, readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as ProbeRow).map((r) => ({ ...r, at: r.at - startedWall })));
  }
  return rows;
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
  const probeDir = mkdtempSync(join(tmpdir(), "soak-probe-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env, JWT_SECRETS: jwtSecret, NODE_ENV: "development", SOAK_PROBE_DIR: probeDir,
    // the rate limiter stays in the path (its memory is soaked too), set above what four clients on loopback send
    GATEWAY_RATE_LIMIT: "1000000",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc --import ${pathToFileURL(join(import.meta.dirname, "soak-probe.mjs")).href}`.trim(),
  };
  const processes = await startProcesses(`soak ${label}`, env, databaseUrls, 15 * MINUTE).catch((error: unknown) => {
    rmSync(probeDir, { recursive: true, force: true });
    throw error;
  });
  try {
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
    const started = performance.now();
    const startedWall = Date.now();
    const minimumMs = minutes * MINUTE;
    const maximumMs = 3 * minimumMs;
    let statements = 0;
    let stop = false;
    const sampler = (async () => {
      while (!stop) {
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
    const memory = probeRows(probeDir, startedWall);
    const names = [...subgraphCatalog().map((s) => s.name), "gateway"];
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
      // memory after warm-up (the second minute) and in the last minute: medians of the probe's readings, every 5 s
      // after a full collection
      memory: names.map((name) => {
        const rows = memory.get(name) ?? [];
        const warm = rows.filter((r) => r.at >= WARM_UP && r.at < WARM_UP + MINUTE);
        const end = rows.filter((r) => r.at >= totalMs - MINUTE);
        return {
          name,
          warmRetained: median(warm.map((r) => r.retained)), endRetained: median(end.map((r) => r.retained)),
          warmRss: median(warm.map((r) => r.rss)), endRss: median(end.map((r) => r.rss)),
          peakRss: Math.max(...rows.map((r) => r.rss)),
        };
      }),
      timeline: Array.from({ length: Math.ceil(totalMs / MINUTE) }, (_, minute) => {
        const from = minute * MINUTE;
        const to = Math.min(totalMs, from + MINUTE);
        const requests = samples.filter((s) => s.at >= from && s.at < to);
        return {
          minute: minute + 1,
          partial: to - from < MINUTE,
          requests: requests.length,
          p50: median(requests.map((s) => s.ms)),
          retained: names.map((name) => median((memory.get(name) ?? []).filter((r) => r.at >= from && r.at < to).map((r) => r.retained))),
        };
      }),
      failures: [],
    };
    result.failures.push(...result.unexpected);
    if (result.lastMinute.p50 > MAX_P50_GROWTH * result.firstMinute.p50) {
      result.failures.push(`last-minute median latency ${result.lastMinute.p50.toFixed(1)} ms is over ${MAX_P50_GROWTH}× the first minute's ${result.firstMinute.p50.toFixed(1)} ms`);
    }
    for (const m of result.memory) {
      if (!(m.endRetained <= MAX_RETAINED_GROWTH * m.warmRetained)) {
        result.failures.push(`${m.name}: retained memory ${mb(m.warmRetained)} after warm-up, ${mb(m.endRetained)} in the last minute (over ${Math.round((MAX_RETAINED_GROWTH - 1) * 100)}% more, or no readings)`);
      }
      if (!(m.endRss <= MAX_RSS_GROWTH * m.warmRss)) {
        result.failures.push(`${m.name}: RSS ${mb(m.warmRss)} after warm-up, ${mb(m.endRss)} in the last minute (over ${Math.round((MAX_RSS_GROWTH - 1) * 100)}% more, or no readings)`);
      }
    }
    if (statements < MIN_STATEMENTS) result.failures.push(`only ${statements} SQL statements in ${(totalMs / 1000).toFixed(0)} s (at least ${MIN_STATEMENTS} wanted)`);
    return result;
  } finally {
    await processes.stop();
    rmSync(probeDir, { recursive: true, force: true });
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
      `It fails on any unexpected answer, a last-minute median latency over ${MAX_P50_GROWTH}× the first minute's, any process's retained memory (heap and external after a full collection, read every 5 s by \`scripts/bench/soak-probe.mjs\`, which the soak alone loads) growing by over ${Math.round((MAX_RETAINED_GROWTH - 1) * 100)}% from the second minute to the last, or its RSS by over ${Math.round((MAX_RSS_GROWTH - 1) * 100)}% (RSS also moves with the heap V8 reserves ahead of need: in a trial run a process whose retained heap stayed at 36.5 MB for 18 minutes saw its RSS rise 28%), or fewer than ${MIN_STATEMENTS.toLocaleString("en-GB")} SQL statements.`,
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
    report.line(`${r.database}, median latency by kind of request (first minute → last minute), and memory per process:`);
    report.line();
    report.table(["request", "count", "first minute", "last minute"], ["l", "r", "r", "r"], r.byKind.map((k) => [k.kind, k.count.toLocaleString("en-GB"), `${k.first.toFixed(1)} ms`, `${k.last.toFixed(1)} ms`]));
    report.line();
    const growth = (from: number, to: number) => `${(((to - from) / from) * 100).toFixed(1)}%`;
    report.table(
      ["process", "retained after warm-up", "retained last minute", "growth", "RSS after warm-up", "RSS last minute", "growth", "peak RSS"], ["l", "r", "r", "r", "r", "r", "r", "r"],
      r.memory.map((m) => [m.name, mb(m.warmRetained), mb(m.endRetained), growth(m.warmRetained, m.endRetained), mb(m.warmRss), mb(m.endRss), growth(m.warmRss, m.endRss), mb(m.peakRss)]),
    );
    report.line();
    report.line("Minute by minute: requests, median latency, and each process's retained memory (MB):");
    report.line();
    report.table(
      ["minute", "requests", "p50", ...r.memory.map((m) => m.name)], ["r", "r", "r", ...r.memory.map(() => "r" as const)],
      r.timeline.map((t) => [t.partial ? `${t.minute} (part)` : t.minute, t.requests.toLocaleString("en-GB"), `${t.p50.toFixed(1)} ms`, ...t.retained.map((b) => (Number.isFinite(b) ? (b / 1048576).toFixed(1) : "–"))]),
    );
    report.line();
    for (const failure of r.failures) report.line(`- FAILED: ${failure}`);
    if (r.failures.length) report.line();
  }
  return { lines: report.lines, passed: results.every((r) => r.failures.length === 0) };
}
