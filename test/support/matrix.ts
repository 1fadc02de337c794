import { mysqlServerUrl } from "./mysql";
import type { DatabaseChoice } from "./system";

/**
 * The databases the end-to-end suites run on: always the embedded one, and
 * MySQL/MariaDB when MYSQL_URL is set (CI sets it). Said out loud when it is not.
 */
export const databases: Array<{ label: string; database: DatabaseChoice }> = [
  { label: "embedded SQLite", database: { kind: "sqlite" } },
  ...(mysqlServerUrl ? [{ label: "MySQL/MariaDB", database: { kind: "mysql" as const, serverUrl: mysqlServerUrl } }] : []),
];

if (!mysqlServerUrl) {
  console.warn("MySQL suite NOT run: MYSQL_URL is not set (e.g. MYSQL_URL=mariadb://root@127.0.0.1:3306); running on the embedded database only");
}
