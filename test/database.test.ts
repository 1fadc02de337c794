/**
 * Migrations and seeding against real databases: the embedded SQLite and, when
 * MYSQL_URL is set, MySQL/MariaDB.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, openDataSource, type DatabaseSettings } from "@tees/subgraph-common/database";
import { repoRoot } from "../scripts/catalog";
import { schemaTargets } from "../scripts/schema-targets";
import { planEntities } from "../subgraphs/authority-plan/src/entities";
import { planMigrations } from "../subgraphs/authority-plan/src/migrations";
import { loadPlanSeeds, readPlanSeeds, seedPlanFolder } from "../subgraphs/authority-plan/src/seeding/load";
import { SeedError } from "@tees/subgraph-common/seed-files";
import { databases } from "./support/matrix";
import { scratchDatabase, type DatabaseChoice } from "./support/mysql";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(choice: DatabaseChoice, name: string): Promise<DatabaseSettings> {
  const scratch = await scratchDatabase(choice, name);
  cleanups.push(scratch.drop);
  return { url: scratch.url, poolSize: 3, queueLimit: 10, queryTimeoutMs: 30_000 };
}

async function open(settings: DatabaseSettings, entities: Function[], migrations: (url: string) => Function[]): Promise<DataSource> {
  const { dataSource } = await openDataSource(settings, entities, migrations(settings.url));
  cleanups.push(() => dataSource.destroy().then(() => undefined));
  return dataSource;
}

/** every row of every table, as a comparable snapshot */
async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const entity of dataSource.entityMetadatas) {
    const rows = await dataSource.getRepository(entity.target).find();
    tables[entity.tableName] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return tables;
}

describe.each(databases)("databases on $label", ({ database }) => {
  it.each(schemaTargets.map((t) => [t.name, t] as const))("%s: a fresh database migrated to the latest schema has no difference from the entities, and migrating again is a no-op", async (_name, target) => {
    const settings = await freshDatabase(database, `mig_${target.name}`);
    const dataSource = await open(settings, target.entities, target.migrations);
    expect((await migrate(dataSource)).length).toBeGreaterThan(0);
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
    expect(await migrate(dataSource)).toEqual([]);
  });

  describe("authority plan seeds", () => {
    const redcarSeeds = join(repoRoot, "seeds/redcar-and-cleveland");

    it("loading the seeds twice changes nothing", async () => {
      const dataSource = await open(await freshDatabase(database, "seed_twice"), planEntities, planMigrations);
      await migrate(dataSource);
      await seedPlanFolder(dataSource, redcarSeeds);
      const first = await snapshot(dataSource);
      await seedPlanFolder(dataSource, redcarSeeds);
      expect(await snapshot(dataSource)).toEqual(first);
      expect(first.action!.length).toBeGreaterThan(50);
    });

    it("a malformed seed file is rejected with the file, the record and the field, before anything is written", async () => {
      const folder = mkdtempSync(join(tmpdir(), "tpg-seeds-"));
      cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
      cpSync(redcarSeeds, folder, { recursive: true });
      const file = join(folder, "plans/redcar-cypf-strategy-2024-2027.json");
      const seed = JSON.parse(readFileSync(file, "utf8"));
      seed.actions[2].timescale.end = "January 2025";
      writeFileSync(file, JSON.stringify(seed));

      const dataSource = await open(await freshDatabase(database, "seed_bad"), planEntities, planMigrations);
      await migrate(dataSource);
      const error = await seedPlanFolder(dataSource, folder).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedError);
      expect((error as Error).message).toBe(
        `redcar-cypf-strategy-2024-2027.json: actions.2 (key "a03"): field "timescale.end": must be YYYY, YYYY-MM or YYYY-MM-DD (a real date)`,
      );
      expect(Object.values(await snapshot(dataSource)).every((rows) => rows.length === 0)).toBe(true);
    });

    it("a reference to a record that does not exist names it", () => {
      const folder = mkdtempSync(join(tmpdir(), "tpg-seeds-"));
      cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
      cpSync(redcarSeeds, folder, { recursive: true });
      const file = join(folder, "plans/redcar-cypf-strategy-2024-2027.json");
      const seed = JSON.parse(readFileSync(file, "utf8"));
      seed.actions[0].priorityKeys.push("p9");
      writeFileSync(file, JSON.stringify(seed));
      expect(() => readPlanSeeds(folder)).toThrow(/redcar-cypf-strategy-2024-2027\.json: actions\.0 \(key "a01"\): field "priorityKeys\.\d+": no record with key "p9"/);
    });

    it("a write that fails halfway (a fault injected in the database) leaves no partial rows and the previous data intact", async () => {
      const dataSource = await open(await freshDatabase(database, "seed_fault"), planEntities, planMigrations);
      await migrate(dataSource);
      await seedPlanFolder(dataSource, join(repoRoot, "seeds/stockton-on-tees"));
      const before = await snapshot(dataSource);

      // context figures are the last rows a plan load writes: plans, priorities and actions are already in by then
      if (database.kind === "sqlite") {
        await dataSource.query(`CREATE TRIGGER injected_fault BEFORE INSERT ON context_figure BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
      } else {
        await dataSource.query(`CREATE TRIGGER injected_fault BEFORE INSERT ON context_figure FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected fault'`);
      }
      const reload = readPlanSeeds(join(repoRoot, "seeds/stockton-on-tees")).map((s) => ({
        ...s,
        actions: s.actions.map((a) => ({ ...a, title: `${a.title} (changed)` })),
      }));
      await expect(loadPlanSeeds(dataSource, reload)).rejects.toThrow(/injected fault/);
      await dataSource.query("DROP TRIGGER injected_fault");
      expect(await snapshot(dataSource)).toEqual(before);
    });
  });
});
