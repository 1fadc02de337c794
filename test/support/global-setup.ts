/**
 * Vitest globalSetup: one folder per run where the seeded template databases are kept
 * (test/support/templates.ts seeds each one the first time a test needs it, once per run),
 * handed to every test file with `provide`; removed at the end of the run, with the
 * MySQL/MariaDB template schemas it lists.
 *
 * Each project (vitest.config.ts: fast, slow) runs this setup, in the one main process of the
 * run: both get the same folder (named after that process), so a database is seeded once for
 * the whole run, and the last project to finish removes it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabases } from "./mysql";

const users = globalThis as typeof globalThis & { tpgTemplateProjects?: number };

export default function setup(project: TestProject): () => Promise<void> {
  const templateDir = join(tmpdir(), `tpg-templates-${process.pid}`);
  // the first project clears what a crashed run of a process with the same id may have left
  if (!users.tpgTemplateProjects) rmSync(templateDir, { recursive: true, force: true });
  mkdirSync(templateDir, { recursive: true });
  users.tpgTemplateProjects = (users.tpgTemplateProjects ?? 0) + 1;
  project.provide("templateDir", templateDir);
  return async () => {
    users.tpgTemplateProjects = (users.tpgTemplateProjects ?? 1) - 1;
    if (users.tpgTemplateProjects > 0) return;
    const mysqlTemplates = readdirSync(templateDir)
      .filter((file) => file.endsWith(".schema"))
      .map((file) => JSON.parse(readFileSync(join(templateDir, file), "utf8")) as { serverUrl: string; name: string });
    await dropDatabases(mysqlTemplates);
    rmSync(templateDir, { recursive: true, force: true });
  };
}
