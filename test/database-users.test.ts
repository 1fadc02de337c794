/**
 * deploy/mysql-init/01-databases.sh (issue 13, finding 4): every subgraph database gets a runtime
 * user with data rights only and a schema user (<db>_ddl) for migrations, each on that database
 * alone, with no default passwords. The script's own SQL is checked as text everywhere (it needs
 * only bash), and on MySQL/MariaDB (MYSQL_URL) its grants are applied to scratch databases: each
 * subgraph's migrations run as the schema user, its seeds and an editor's write as the runtime user,
 * and the runtime user cannot change the schema.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { migrate, openDataSource } from "@tees/subgraph-common/database";
import { startService } from "@tees/subgraph-common/start-service";
import { repoRoot, subgraphCatalog } from "../scripts/catalog";
import { mysqlServerUrl } from "./support/mysql";
import { callSubgraph, editorOf, testSecret } from "./support/signed";
import { EXTRACT_LAIT_ENV } from "./support/system";

const script = join(repoRoot, "deploy/mysql-init/01-databases.sh");
/** every subgraph's database, from the one list of deployments (which also writes the script's list) */
const databases = subgraphCatalog().map((s) => s.database);
const passwordVariables = databases.flatMap((d) => [`${d.toUpperCase()}_DB_PASSWORD`, `${d.toUpperCase()}_DB_DDL_PASSWORD`]);

/** runs the init script as the mysql image's entrypoint does (sourced, with its SQL helper), printing the SQL */
function runInitScript(env: Record<string, string>) {
  return spawnSync("bash", ["-c", `docker_process_sql() { cat; }; . "${script}"`], {
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

if (!mysqlServerUrl) {
  console.warn("database users on MySQL/MariaDB NOT checked: MYSQL_URL is not set (e.g. MYSQL_URL=mariadb://root@127.0.0.1:3306); the init script's SQL is checked as text only");
}

const passwords = () => Object.fromEntries(passwordVariables.map((name) => [name, `pw${randomBytes(12).toString("hex")}`]));

describe("the database users of deploy/mysql-init", () => {
  it("gives each database a runtime user with data rights only and a _ddl schema user, on that database alone", () => {
    const values = passwords();
    const result = runInitScript(values);
    expect(result.status, result.stderr).toBe(0);
    const sql = result.stdout;
    for (const d of databases) {
      expect(sql).toContain(`CREATE USER IF NOT EXISTS '${d}'@'%' IDENTIFIED BY '${values[`${d.toUpperCase()}_DB_PASSWORD`]}';`);
      expect(sql).toContain(`CREATE USER IF NOT EXISTS '${d}_ddl'@'%' IDENTIFIED BY '${values[`${d.toUpperCase()}_DB_DDL_PASSWORD`]}';`);
      expect(sql).toContain(`GRANT SELECT, INSERT, UPDATE, DELETE\n  ON \`${d}\`.* TO '${d}'@'%';`);
      expect(sql).toContain(`GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES\n  ON \`${d}\`.* TO '${d}_ddl'@'%';`);
    }
    expect(sql.match(/^GRANT /gm)?.length).toBe(2 * databases.length);
    expect(sql).not.toMatch(/ON \*\.\*|GRANT OPTION|dev-only/);
  });

  it("refuses to run without every password, naming the variable, and has no development defaults", () => {
    for (const missing of ["EDUCATION_DB_DDL_PASSWORD", "REGION_DB_PASSWORD"]) {
      const values = passwords();
      delete values[missing];
      const result = runInitScript(values);
      expect(result.status, missing).not.toBe(0);
      expect(result.stderr).toContain(`${missing} must be set`);
      expect(result.stdout).not.toContain("CREATE USER");
    }
  });

  it.runIf(mysqlServerUrl)("on MySQL/MariaDB: each subgraph migrates as its schema user, seeds and serves as its runtime user, which cannot change the schema", async () => {
    const server = mysqlServerUrl!;
    const admin = await createConnection({ uri: server.replace(/^mariadb:/, "mysql:"), multipleStatements: true });
    const values = passwords();
    const { stdout: sql } = runInitScript(values);
    const created: string[] = [];
    try {
      for (const entry of subgraphCatalog()) {
        const database = entry.database;
        // this database's statements, under a scratch name (database and users), on the shared test server
        const scratch = `tpg_u${randomBytes(3).toString("hex")}`;
        created.push(scratch);
        const block = sql.split("\nCREATE DATABASE").find((b) => b.includes(`\`${database}\``))!;
        await admin.query(("CREATE DATABASE" + block).split(database).join(scratch));
        const url = (user: string, password: string) => {
          const u = new URL(server);
          u.username = user;
          u.password = password;
          u.pathname = `/${scratch}`;
          return u.toString();
        };
        const runtimeUrl = url(scratch, values[`${database.toUpperCase()}_DB_PASSWORD`]!);
        const schemaUrl = url(`${scratch}_ddl`, values[`${database.toUpperCase()}_DB_DDL_PASSWORD`]!);

        const asSchemaUser = entry.service({ DATABASE_URL: schemaUrl });
        const ddl = await openDataSource(asSchemaUser.database, asSchemaUser.entities, asSchemaUser.migrations(schemaUrl));
        try {
          expect((await migrate(ddl.dataSource)).length, entry.name).toBeGreaterThan(0);
        } finally {
          await ddl.dataSource.destroy();
        }

        const secret = testSecret();
        const service = await startService(entry.service({ DATABASE_URL: runtimeUrl, ...EXTRACT_LAIT_ENV }), {
          port: 0, host: "127.0.0.1", migrateOnStart: false, seedOnStart: "always", signing: { secrets: [secret], maxSkewMs: 30_000 },
        });
        try {
          expect(await service.dataSource.query("SELECT 1 AS ok"), entry.name).toEqual([{ ok: 1 }]);
          const denied = await service.dataSource.query("ALTER TABLE migrations ADD COLUMN x INT").catch((e: Error) => e);
          expect(denied, entry.name).toBeInstanceOf(Error);
          expect((denied as Error).message, entry.name).toMatch(/ALTER command denied/);
          expect(await migrate(service.dataSource), entry.name).toEqual([]);
          if (entry.name === "education") {
            // an editor's write (a new document, its figure and the audit entries) needs nothing more
            const { body } = await callSubgraph(service, secret, editorOf("E06000003"), `mutation($input: LocalFigureInput!) { recordEducationLocalFigure(input: $input) { id } }`, {
              input: { key: "k", label: "l", value: 1, unit: "u", period: { label: "2025" }, source: { document: "redcar-and-cleveland-test-users", section: "s", newDocument: { title: "t", publisher: "p" } } },
            });
            expect(body.errors).toBeUndefined();
          }
        } finally {
          await service.close();
        }
      }
    } finally {
      for (const scratch of created) {
        await admin.query(`DROP DATABASE IF EXISTS \`${scratch}\`; DROP USER IF EXISTS '${scratch}'@'%'; DROP USER IF EXISTS '${scratch}_ddl'@'%'`);
      }
      await admin.end();
    }
  }, 300_000);
});
