/**
 * The national LAIT file (seeds/lait; ../shared/reference-data/dfe-lait holds the same files)
 * imported ONCE per run per engine into each outcomes subgraph's database, as a template
 * (test/support/templates.ts: the same lock, ready mark and copies, in the run's folder, so global
 * setup removes it and drops its MySQL/MariaDB schema). A test that needs a database holding the
 * national data gets a copy of it; only a test that checks the import itself (a re-import, an
 * import that fails part-way, the import script) imports again, into its copy.
 *
 * A template is one outcomes database, migrated, then `importLait(folder, { topics })`: exactly
 * what a test that imported the national file into a database of its own did. It is named by what
 * that import reads — the topics and the content of the folder's files the importer opens — so two
 * folders holding the same files share one template, and a folder that differs gets its own.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { migrate, openDataSource } from "@tees/subgraph-common/database";
import { NEIGHBOUR_SETS } from "@tees/subgraph-common/lait/code-lists";
import { dictionaryFile } from "@tees/subgraph-common/lait/paths";
import { outcomeEntities } from "@tees/outcomes/entities";
import { importLait, valuesFile } from "@tees/outcomes/lait";
import { loadLocalFigures, readLocalFigures } from "@tees/outcomes/local-figures";
import { outcomeMigrations } from "@tees/outcomes/migrations";
import type { OutcomeConfig } from "@tees/outcomes/config";
import type { DatabaseChoice, ScratchDatabase } from "./mysql";
import { copyOfTemplate, obtainTemplates, templateDatabase, type Template } from "./templates";

/** one outcomes subgraph's import of a LAIT folder */
export interface NationalImport {
  /** the outcomes subgraph (education, care): names the template and its copies */
  subgraph: string;
  folder: string;
  topics: ReadonlySet<string>;
}

/** the database settings of an import (a national import's deletes and inserts are long statements) */
const settings = (url: string) => ({ url, poolSize: 4, queueLimit: 0, queryTimeoutMs: 600_000 });

/** the files importLait reads from a LAIT folder (lait.ts importLait, lait/code-lists.ts) */
const importedFiles = (folder: string) => [
  valuesFile(folder), dictionaryFile(folder), join(folder, "la_gss_codes.csv"), join(folder, "la_code_list.csv"),
  ...NEIGHBOUR_SETS.map((set) => join(folder, `statistical_neighbours_${set}.csv`)),
];

/** the template's name: the subgraph, and a digest of the topics and of every file the import reads */
function templateKey({ subgraph, folder, topics }: NationalImport): string {
  const hash = createHash("sha256").update(JSON.stringify([...topics].sort()));
  for (const file of importedFiles(folder)) hash.update(`\n${basename(file)}\n`).update(readFileSync(file));
  return `national-${subgraph}-${hash.digest("hex").slice(0, 16)}`;
}

/** migrates a new database and imports the folder into it */
async function seedNational(choice: DatabaseChoice, base: string, { subgraph, folder, topics }: NationalImport): Promise<Template> {
  const template = await templateDatabase(choice, base, `national_${subgraph}`);
  const { dataSource } = await openDataSource(settings(template.url), outcomeEntities, outcomeMigrations(template.url));
  try {
    await migrate(dataSource);
    await importLait(dataSource, folder, { topics });
  } finally {
    // closing checkpoints SQLite's write-ahead log into the file, so the file alone is the whole database
    await dataSource.destroy();
  }
  return template;
}

/** A database of this engine holding the national import (migrated, the folder imported for the topics): a copy of the run's template, dropped by drop(). */
export async function copyOfNational(choice: DatabaseChoice, imported: NationalImport): Promise<ScratchDatabase> {
  const key = templateKey(imported);
  const found = await obtainTemplates(choice, [{ key, seed: (base) => seedNational(choice, base, imported) }]);
  return copyOfTemplate(choice, imported.subgraph, found.get(key)!);
}

/**
 * A database of this engine as an outcomes deployment's seed leaves it on a fresh start with these
 * settings (seedOutcomes: its local figures read and checked, its LAIT folder imported for its topics,
 * then the local figures loaded): the import is a copy of the run's template, the local figures are
 * loaded into the copy by the seed's own functions. Dropped by drop().
 */
export async function seededOutcomesCopy(choice: DatabaseChoice, config: OutcomeConfig): Promise<ScratchDatabase> {
  // read and checked before anything is written, as the seed does
  const local = readLocalFigures(config.localFiguresFolder);
  const copy = await copyOfNational(choice, { subgraph: config.name, folder: config.laitFolder, topics: config.topics });
  try {
    const { dataSource } = await openDataSource(settings(copy.url), outcomeEntities, outcomeMigrations(copy.url));
    try {
      await loadLocalFigures(dataSource, local);
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await copy.drop().catch(() => undefined);
    throw error;
  }
  return copy;
}
