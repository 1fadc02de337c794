/**
 * Stored comparisons on MySQL/MariaDB (MYSQL_URL): the suite of test/support/stored-comparisons-suite.ts,
 * as test/stored-comparisons-sqlite.test.ts runs it on embedded SQLite. Without MYSQL_URL its tests are
 * reported as skipped, and a line says why.
 */
import { mysqlServerUrl } from "./support/mysql";
import { describeStoredComparisons } from "./support/stored-comparisons-suite";

if (!mysqlServerUrl) console.warn("Stored comparisons on MySQL/MariaDB NOT run: MYSQL_URL is not set; embedded SQLite only (test/stored-comparisons-sqlite.test.ts)");

describeStoredComparisons({ label: "MySQL/MariaDB", mysql: true, run: Boolean(mysqlServerUrl) });
