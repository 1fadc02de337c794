import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";

/** The MySQL/MariaDB server for tests that need one; unset: those tests report that they did not run. */
export const mysqlServerUrl = process.env.MYSQL_URL;

export type DatabaseChoice = { kind: "sqlite" } | { kind: "mysql"; serverUrl: string };

export interface ScratchDatabase {
  name: string;
  /** a DATABASE_URL for it, with the server URL's scheme (mysql: or mariadb:) */
  url: string;
  drop(): Promise<void>;
}

/** mysql2 speaks to both servers; only TypeORM needs to know which one it is */
const connect = (serverUrl: string) => createConnection(serverUrl.replace(/^mariadb:/, "mysql:"));

/** A throwaway database on the MySQL server, dropped by drop(). */
export async function createScratchDatabase(prefix: string, serverUrl = mysqlServerUrl ?? "mariadb://root@127.0.0.1:3306"): Promise<ScratchDatabase> {
  const name = `tpg_${prefix.replace(/[^a-z0-9_]/gi, "_")}_${randomBytes(3).toString("hex")}`.toLowerCase();
  const admin = await connect(serverUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const connection = await connect(serverUrl);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** A throwaway database of the chosen kind: an SQLite file in a temporary folder, or a scratch MySQL database. */
export async function scratchDatabase(choice: DatabaseChoice, name: string): Promise<ScratchDatabase> {
  if (choice.kind === "mysql") return createScratchDatabase(name, choice.serverUrl);
  const dir = mkdtempSync(join(tmpdir(), "tpg-db-"));
  return { name, url: `sqlite:${join(dir, `${name}.sqlite`)}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Drops these databases (the template schemas of a run), each on its own server. */
export async function dropDatabases(databases: Array<{ serverUrl: string; name: string }>): Promise<void> {
  for (const { serverUrl, name } of databases) {
    const connection = await connect(serverUrl);
    try {
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    } finally {
      await connection.end();
    }
  }
}

/**
 * Fills the empty database `target` with a copy of `source`, on the server: every table as the
 * server itself states it (SHOW CREATE TABLE keeps indexes, foreign keys and the auto-increment
 * counter, which CREATE TABLE ... LIKE would drop), then its rows with INSERT ... SELECT.
 */
export async function copyDatabase(serverUrl: string, source: string, target: string): Promise<void> {
  const connection = await connect(serverUrl);
  try {
    await connection.query("SET SESSION foreign_key_checks = 0");
    const [tables] = await connection.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name",
      [source],
    );
    await connection.query(`USE \`${target}\``);
    for (const { name } of tables as Array<{ name: string }>) {
      const [created] = await connection.query(`SHOW CREATE TABLE \`${source}\`.\`${name}\``);
      const statement = (created as Array<Record<string, string>>)[0]?.["Create Table"];
      if (!statement) throw new Error(`SHOW CREATE TABLE ${source}.${name} returned no statement`);
      await connection.query(statement);
      await connection.query(`INSERT INTO \`${target}\`.\`${name}\` SELECT * FROM \`${source}\`.\`${name}\``);
    }
  } finally {
    await connection.end();
  }
}
