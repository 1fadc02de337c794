/**
 * Vitest globalSetup, in vitest's main process:
 *
 * - one folder per run where the seeded template databases are kept (test/support/templates.ts
 *   seeds each one the first time a test needs it, once per run), handed to every test file with
 *   `provide`; removed at the end of the run, with the MySQL/MariaDB template schemas it lists;
 * - the run's shared read-only system (test/support/system.ts, sharedSystem()): a control server
 *   on 127.0.0.1 starts it on the first POST, in a process of its own
 *   (test/support/shared-system-process.ts), and answers every POST with its URLs and keys; it is
 *   stopped at the end of the run.
 *
 * Each project (vitest.config.ts: fast, slow) runs this setup, in the one main process of the
 * run: both get the same folder and the same shared system, and the last project to finish
 * removes them.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabases } from "./mysql";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

interface RunState {
  projects: number;
  templateDir: string;
  control: Server;
  controlUrl: string;
  /** the shared system's process, and the line it wrote: the system's URLs and keys */
  shared?: { process: ChildProcess; described: Promise<string> };
}

const run = globalThis as typeof globalThis & { tpgTestRun?: Promise<RunState> };

async function begin(): Promise<RunState> {
  const templateDir = join(tmpdir(), `tpg-templates-${process.pid}`);
  // clears what a crashed run of a process with the same id may have left
  rmSync(templateDir, { recursive: true, force: true });
  mkdirSync(templateDir, { recursive: true });
  const state: RunState = { projects: 0, templateDir, control: createServer(), controlUrl: "" };
  state.control.on("request", (request, response) => {
    if (request.method !== "POST") {
      response.writeHead(405).end();
      return;
    }
    state.shared ??= startShared(templateDir);
    state.shared.described.then(
      (line) => response.writeHead(200, { "content-type": "application/json" }).end(line),
      (error: Error) => response.writeHead(500, { "content-type": "text/plain" }).end(error.message),
    );
  });
  await new Promise<void>((resolve) => state.control.listen(0, "127.0.0.1", resolve));
  state.controlUrl = `http://127.0.0.1:${(state.control.address() as AddressInfo).port}/shared-system`;
  return state;
}

/** starts the shared system's process; its first line on stdout describes the system, or it ends with the reason on stderr */
function startShared(templateDir: string): NonNullable<RunState["shared"]> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "shared-system-process.ts"), templateDir], {
    cwd: join(import.meta.dirname, "../.."), stdio: ["pipe", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const described = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the shared system's process ended (exit code ${code}) before it described the system:\n${errors}`)));
  });
  // a line written after the description (a log) must not block the process on a full pipe
  child.stdout!.resume();
  described.catch(() => undefined);
  return { process: child, described };
}

async function end(state: RunState): Promise<void> {
  state.control.closeAllConnections();
  await new Promise<void>((resolve) => state.control.close(() => resolve()));
  const child = state.shared?.process;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  }
  const mysqlTemplates = readdirSync(state.templateDir)
    .filter((file) => file.endsWith(".schema"))
    .map((file) => JSON.parse(readFileSync(join(state.templateDir, file), "utf8")) as { serverUrl: string; name: string });
  await dropDatabases(mysqlTemplates);
  rmSync(state.templateDir, { recursive: true, force: true });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // both projects' setups may run at once: they share the one promise
  const state = await (run.tpgTestRun ??= begin());
  state.projects += 1;
  project.provide("templateDir", state.templateDir);
  project.provide("sharedSystemUrl", state.controlUrl);
  return async () => {
    state.projects -= 1;
    if (state.projects > 0) return;
    run.tpgTestRun = undefined;
    await end(state);
  };
}
