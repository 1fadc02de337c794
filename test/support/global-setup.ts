/**
 * Vitest globalSetup: one folder per run where the seeded template databases are kept
 * (test/support/templates.ts seeds each one the first time a test needs it, once per run),
 * handed to every test file with `provide`; removed at the end of the run, with the
 * MySQL/MariaDB template schemas it lists.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabases } from "./mysql";

export default function setup(project: TestProject): () => Promise<void> {
  const templateDir = mkdtempSync(join(tmpdir(), "tpg-templates-"));
  project.provide("templateDir", templateDir);
  return async () => {
    const mysqlTemplates = readdirSync(templateDir)
      .filter((file) => file.endsWith(".schema"))
      .map((file) => JSON.parse(readFileSync(join(templateDir, file), "utf8")) as { serverUrl: string; name: string });
    await dropDatabases(mysqlTemplates);
    rmSync(templateDir, { recursive: true, force: true });
  };
}
