/**
 * Seeded template databases, one per subgraph per engine per run, and copies of them.
 *
 * Seeding a subgraph's database (migrations, plan seeds, the Tees Valley LAIT extract's 147k rows
 * for education and care) is most of a system's start. So the first test that needs a subgraph's
 * database of a kind seeds a template — exactly as startService seeds with SEED_ON_START=always, by
 * calling startService itself — and every system after that gets a copy of it: a file copy for
 * SQLite, a scratch database filled server-side from the template schema on MySQL/MariaDB. A copy
 * belongs to one system: it writes to it freely, and drops it when it closes.
 *
 * The run's folder comes from test/support/global-setup.ts (`inject("templateDir")`). Test files
 * run in several processes at once, so a template is claimed with a lock file (created with the
 * `wx` flag: only one process can), seeded by the process that claimed it, and marked ready; the
 * others wait for the mark (or the failure, whose message they repeat). A process that wants
 * several templates seeds every one it can claim before it waits for the others, so two processes
 * starting systems at once seed different subgraphs side by side.
 *
 * The same claim, mark and copy serve other templates too (obtainTemplates: a key and how to fill
 * it): test/support/national.ts keeps the national LAIT file's import this way.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { startService } from "@tees/subgraph-common/start-service";
import type { SubgraphEntry } from "../../scripts/catalog";
import { copyDatabase, createScratchDatabase, type DatabaseChoice, type ScratchDatabase } from "./mysql";
import { testSecret } from "./signed";
import "./provided";

const WAIT_MS = 100;
/** longer than any seed takes on a loaded machine; past it a waiting process gives up, naming the template */
const WAIT_LIMIT_MS = 600_000;

export interface Template {
  /** the template's DATABASE_URL: an SQLite file, or a schema on the server */
  url: string;
  /** MySQL/MariaDB: the template schema's name */
  schema?: string;
}

const engineKey = (choice: DatabaseChoice) => (choice.kind === "sqlite" ? "sqlite" : `mysql-${Buffer.from(choice.serverUrl).toString("hex")}`);

/** set in vitest's main process (the shared system's start, test/support/global-setup.ts), where `inject` is not available */
let mainProcessTemplateDir: string | undefined;
export function useTemplateDir(dir: string): void {
  mainProcessTemplateDir = dir;
}

function paths(choice: DatabaseChoice, key: string) {
  const base = join(mainProcessTemplateDir ?? inject("templateDir"), `${engineKey(choice)}-${key}`);
  return { base, lock: `${base}.lock`, ready: `${base}.ready`, failed: `${base}.failed`, schema: `${base}.schema` };
}

function claim(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** whether the process holding this lock still runs (a lock file just created may not hold its id yet) */
function alive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, "utf8"));
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Where a template's data goes: an SQLite file beside its marks, or a new schema on the server,
 * listed (its `.schema` mark) before it is filled, so the run's teardown drops it even if filling fails.
 */
export async function templateDatabase(choice: DatabaseChoice, base: string, prefix: string): Promise<Template> {
  if (choice.kind === "sqlite") return { url: `sqlite:${base}.sqlite` };
  const scratch = await createScratchDatabase(`tpl_${prefix.replace(/-/g, "_")}`, choice.serverUrl);
  writeFileSync(`${base}.schema`, JSON.stringify({ serverUrl: choice.serverUrl, name: scratch.name }));
  return { url: scratch.url, schema: scratch.name };
}

/** migrates and seeds the template, as startService does for a system with SEED_ON_START=always */
async function seedTemplate(choice: DatabaseChoice, entry: SubgraphEntry, env: Record<string, string>, base: string): Promise<Template> {
  const template = await templateDatabase(choice, base, entry.name);
  const service = await startService(entry.service({ ...env, DATABASE_URL: template.url }), {
    port: 0, host: "127.0.0.1", migrateOnStart: true, seedOnStart: "always", signing: { secrets: [testSecret()], maxSkewMs: 30_000 },
  });
  // closing checkpoints SQLite's write-ahead log into the file, so the file alone is the whole database
  await service.close();
  return template;
}

/** One template to find, or to claim and fill: `key` names its files in the run's folder, `seed` fills it (given their common path). */
export interface TemplateJob {
  key: string;
  seed: (base: string) => Promise<Template>;
}

/**
 * The templates of these jobs on this engine, filling (once per run) those that no process has filled
 * yet: every one this process can claim first, then it waits for the others.
 */
export async function obtainTemplates(choice: DatabaseChoice, jobs: TemplateJob[]): Promise<Map<string, Template>> {
  const found = new Map<string, Template>();
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (found.size < jobs.length) {
    let seeded = false;
    for (const job of jobs) {
      if (found.has(job.key)) continue;
      const where = paths(choice, job.key);
      if (existsSync(where.ready)) {
        found.set(job.key, JSON.parse(readFileSync(where.ready, "utf8")) as Template);
      } else if (existsSync(where.failed)) {
        throw new Error(`the ${job.key} template database (${choice.kind}) could not be seeded: ${readFileSync(where.failed, "utf8")}`);
      } else if (claim(where.lock)) {
        try {
          const template = await job.seed(where.base);
          writeFileSync(where.ready, JSON.stringify(template));
          found.set(job.key, template);
          seeded = true;
        } catch (error) {
          writeFileSync(where.failed, (error as Error).stack ?? String(error));
          throw error;
        }
      }
    }
    if (found.size < jobs.length && !seeded) {
      for (const job of jobs) {
        if (found.has(job.key)) continue;
        const where = paths(choice, job.key);
        // alive first: a process that finished wrote its mark before it ended
        if (!alive(where.lock) && !existsSync(where.ready) && !existsSync(where.failed)) {
          throw new Error(`the process seeding the ${job.key} template database (${choice.kind}) ended before it was ready`);
        }
      }
      if (Date.now() > deadline) {
        const waiting = jobs.filter((job) => !found.has(job.key)).map((job) => job.key);
        throw new Error(`waited ${WAIT_LIMIT_MS} ms for another test process to seed the template databases of ${waiting.join(", ")} (${choice.kind})`);
      }
      await sleep(WAIT_MS);
    }
  }
  return found;
}

/**
 * The seeded template of each of these subgraphs on this engine, seeding (once per run) those that
 * no process has seeded yet. `env` is what the template is seeded with: the same for every system
 * that uses it (the LAIT folder); a system with other seeds does not use templates.
 */
export async function templates(choice: DatabaseChoice, entries: SubgraphEntry[], env: Record<string, string>): Promise<Map<string, Template>> {
  return obtainTemplates(choice, entries.map((entry) => ({ key: entry.name, seed: (base) => seedTemplate(choice, entry, env, base) })));
}

/** A database of this engine holding a copy of the template, dropped by drop(). */
export async function copyOfTemplate(choice: DatabaseChoice, subgraph: string, template: Template): Promise<ScratchDatabase> {
  if (choice.kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "tpg-db-"));
    const file = join(dir, `${subgraph}.sqlite`);
    copyFileSync(template.url.slice("sqlite:".length), file);
    return { name: subgraph, url: `sqlite:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!template.schema) throw new Error(`the ${subgraph} template on ${choice.kind} names no schema`);
  const scratch = await createScratchDatabase(subgraph.replace(/-/g, "_"), choice.serverUrl);
  try {
    await copyDatabase(choice.serverUrl, template.schema, scratch.name);
  } catch (error) {
    await scratch.drop().catch(() => undefined);
    throw error;
  }
  return scratch;
}
