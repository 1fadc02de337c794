/**
 * Section "first-start": `npm start` on a fresh clone's state (empty databases: every subgraph's
 * embedded file in a new temporary folder, LAIT_FOLDER unset, so the national data in seeds/lait is
 * seeded) until the gateway answers /healthcheck; with when each subgraph became ready and each
 * process's peak RSS (a probe loaded with --import reads process.resourceUsage().maxRSS). It uses npm
 * start's fixed ports (scripts/catalog.ts): it refuses to run if one is taken, and frees them after.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { EXTRACT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { GATEWAY_PORT, graphName, repoRoot, subgraphCatalog } from "../catalog";
import { machineLine, mb, seconds, SectionReport } from "./report";

/** Resolves if nothing listens on the port (any address), rejects naming it otherwise. */
function ensureFree(port: number, owner: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(`port ${port} (${owner}) is taken (${error.code}): first-start needs npm start's ports; stop what holds them (ss -ltnp) and run it again`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function isUp(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 30_000).unref();
  });
}

interface FirstStart {
  readyMs: Map<string, number>;
  peakRssBytes: Map<string, number | undefined>;
}

/** one `npm start` on empty databases; `laitFolder` unset: the services' default (the national data) */
async function firstStart(laitFolder: string | undefined, timeoutMs: number): Promise<FirstStart & { services: string[] }> {
  const services = [...subgraphCatalog().map((s) => ({ name: s.name, port: s.port, ready: `http://127.0.0.1:${s.port}/ready` })),
    { name: "gateway", port: GATEWAY_PORT, ready: `http://127.0.0.1:${GATEWAY_PORT}/healthcheck` }];
  for (const s of services) await ensureFree(s.port, s.name);

  const dir = mkdtempSync(join(tmpdir(), "bench-first-start-"));
  try {
    return await startOnce(dir, services, laitFolder, timeoutMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startOnce(dir: string, services: Array<{ name: string; port: number; ready: string }>, laitFolder: string | undefined, timeoutMs: number) {
  const probeDir = join(dir, "probe");
  const env: NodeJS.ProcessEnv = { ...process.env, FIRST_START_PROBE_DIR: probeDir,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(join(import.meta.dirname, "first-start-probe.mjs")).href}`.trim() };
  delete env.LAIT_FOLDER; // a fresh clone: the services' own default, the national data
  if (laitFolder) env.LAIT_FOLDER = laitFolder;
  for (const s of subgraphCatalog()) env[`DATABASE_URL_${graphName(s.name)}`] = `sqlite:${join(dir, `${s.name}.sqlite`)}`;
  mkdirSync(probeDir);

  const log: string[] = [];
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const readyAt = new Map<string, number>();
  try {
    while (readyAt.size < services.length) {
      if (child.exitCode !== null) throw new Error(`npm start exited (code ${child.exitCode}) before the gateway was ready:\n${log.join("").slice(-2000)}`);
      if (performance.now() - started > timeoutMs) throw new Error(`the gateway was not ready within ${timeoutMs / 1000} s:\n${log.join("").slice(-2000)}`);
      await Promise.all(services.filter((s) => !readyAt.has(s.name)).map(async (s) => {
        if (await isUp(s.ready)) readyAt.set(s.name, performance.now() - started);
      }));
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await stop(child);
  }
  const freed = await Promise.all(services.map((s) => ensureFree(s.port, s.name).then(() => true, () => false)));
  const peak = (port: number) => {
    const file = join(probeDir, `${port}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { peakRssBytes: number }).peakRssBytes : undefined;
  };
  const peakRssBytes = new Map(services.map((s) => [s.name, peak(s.port)]));
  if (freed.some((f) => !f)) throw new Error(`npm start's ports were not all freed after it stopped: ${services.filter((_, i) => !freed[i]).map((s) => s.port).join(", ")}`);
  return { services: services.map((s) => s.name), readyMs: readyAt, peakRssBytes };
}

export async function firstStartSection(timeoutMs = 900_000): Promise<string[]> {
  console.log("first start with the default LAIT data (national, seeds/lait)…");
  const national = await firstStart(undefined, timeoutMs);
  console.log("first start with LAIT_FOLDER=seeds/lait-tees-valley (the extract), for comparison…");
  const extract = await firstStart(EXTRACT_LAIT_FOLDER, timeoutMs);
  const rss = (p: number | undefined) => (p === undefined ? "not recorded" : mb(p));
  const rows = national.services.map((name) => [
    name, seconds(national.readyMs.get(name)!), rss(national.peakRssBytes.get(name)), seconds(extract.readyMs.get(name)!), rss(extract.peakRssBytes.get(name)),
  ]);
  const gateway = { national: national.readyMs.get("gateway")!, extract: extract.readyMs.get("gateway")! };

  const report = new SectionReport();
  report.line("## First start (`npm start` on empty databases)");
  report.line();
  report.line(machineLine());
  report.line();
  report.line(
    "`npm start` as on a fresh clone: every subgraph's embedded database a new file, so each subgraph migrates and seeds its " +
      "defaults; `LAIT_FOLDER` unset, so education and care each import the national LAIT data in `seeds/lait` (read as a stream). " +
      "The processes start together and share the machine's cores. For comparison, the same with `LAIT_FOLDER=seeds/lait-tees-valley` " +
      "(the extract the tests load), run right after. Times are from starting `scripts/start.ts` until each subgraph's `/ready` and the " +
      "gateway's `/healthcheck` answer 200; peak RSS is each process's maximum resident memory up to its exit (`process.resourceUsage().maxRSS`).",
  );
  report.line();
  report.table(["process", "ready after (national)", "peak RSS (national)", "ready after (extract)", "peak RSS (extract)"], ["l", "r", "r", "r", "r"], rows);
  report.line();
  report.line(`Gateway ready: **${seconds(gateway.national)}** after \`npm start\` with the national data, ` +
    `${seconds(gateway.extract)} with the extract (×${(gateway.national / gateway.extract).toFixed(2)}).`);
  return report.lines;
}
