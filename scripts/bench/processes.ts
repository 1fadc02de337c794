/**
 * `npm start`'s own processes (scripts/start.ts: every subgraph its own process, then the gateway) for a
 * bench section, each subgraph on the database named for it (DATABASE_URL_<NAME>). Uses npm start's fixed
 * ports (4000–4003, 41xx): nothing else may be running on them. Shared by the soak and comparison sections.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GATEWAY_PORT, graphName, repoRoot, subgraphCatalog } from "../catalog";

export const GATEWAY = `http://127.0.0.1:${GATEWAY_PORT}`;

export async function waitFor(url: string, deadlineMs: number, child: ChildProcess): Promise<void> {
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

export interface StartedProcesses {
  child: ChildProcess;
  logFile: string;
  /** SIGTERM, then SIGKILL after 20 s; resolves when npm start has exited */
  stop(): Promise<void>;
}

/** Starts scripts/start.ts with `env` and the subgraphs' databases, and waits (up to `readyMs`) for the gateway. */
export async function startProcesses(label: string, env: NodeJS.ProcessEnv, databaseUrls: Record<string, string>, readyMs: number): Promise<StartedProcesses> {
  const childEnv: NodeJS.ProcessEnv = { ...env };
  for (const [name, url] of Object.entries(databaseUrls)) childEnv[`DATABASE_URL_${graphName(name)}`] = url;
  const logFile = join(tmpdir(), `bench-${label.replace(/\W+/g, "-")}-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  console.log(`[${label}] starting npm start's processes (log: ${logFile})`);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: repoRoot, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const stop = async () => {
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
  };
  try {
    await waitFor(`${GATEWAY}/healthcheck`, readyMs, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, logFile, stop };
}

/** SQL statements served so far by every subgraph, as their /health reports it. */
export async function statementsServed(): Promise<number> {
  let total = 0;
  for (const s of subgraphCatalog()) {
    const health = (await (await fetch(`http://127.0.0.1:${s.port}/health`)).json()) as { statements?: unknown };
    if (typeof health.statements !== "number") throw new Error(`${s.name}'s /health reports no statement count`);
    total += health.statements;
  }
  return total;
}

/** A port nothing listens on now (for a child process that needs a fixed one). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

/** Starts `node --import tsx <args>` and resolves with the text after its `READY ` line (a benchmark's helper process). */
export function spawnReady(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split("\n").find((l) => l.startsWith("READY "));
      if (line) resolve({ child, line: line.slice("READY ".length) });
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (code ${code}) before it was ready`)));
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export const stopChild = (child: ChildProcess, graceMs = 10_000) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), graceMs).unref();
  });
