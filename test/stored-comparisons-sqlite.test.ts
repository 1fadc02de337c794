/**
 * Stored comparisons on embedded SQLite: against the oracle on the Tees Valley extract and the national
 * file, against this test's own reading of the national CSV rows, a local figure's write and a
 * re-import. The suite is test/support/stored-comparisons-suite.ts; its MySQL/MariaDB half is
 * test/stored-comparisons-mysql.test.ts, a file of its own so that the two run side by side.
 */
import { describeStoredComparisons } from "./support/stored-comparisons-suite";

describeStoredComparisons({ label: "SQLite", mysql: false, run: true });
