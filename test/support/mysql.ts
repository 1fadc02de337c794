import { randomBytes } from "node:crypto";
import { createConnection } from "mysql2/promise";

/** The MySQL/MariaDB server for tests that need one; unset: those tests report that they did not run. */
export const mysqlServerUrl = process.env.MYSQL_URL;

/** A throwaway database on the MySQL server, dropped by drop(). */
export async function createScratchDatabase(prefix: string, serverUrl = mysqlServerUrl ?? "mariadb://root@127.0.0.1:3306") {
  const name = `tpg_${prefix.replace(/[^a-z0-9_]/gi, "_")}_${randomBytes(3).toString("hex")}`.toLowerCase();
  const admin = await createConnection(serverUrl.replace(/^mariadb:/, "mysql:"));
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const base = new URL(serverUrl);
  base.pathname = `/${name}`;
  return {
    name,
    url: base.toString(),
    async drop() {
      const connection = await createConnection(serverUrl.replace(/^mariadb:/, "mysql:"));
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
