/**
 * npm run import:lait -- <LAIT folder> [--only region,education,care]
 *
 * Loads a DfE LAIT folder (see ../shared/reference-data/dfe-lait/README.md): the
 * registry takes the code lists and both statistical-neighbour sets; education and
 * care each take the measures of their own topics (README: "Which topics go where").
 * Each database is brought up to date by its migrations first. Each subgraph's import
 * is one transaction: a malformed row is reported with its file, line and reason and
 * that subgraph keeps what it had. Re-running it changes nothing. Databases come from
 * DATABASE_URL_REGION / _EDUCATION / _CARE, or the embedded defaults.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { scriptEnvFor } from "./catalog";
import { importLaitInto, LAIT_SUBGRAPHS, type LaitSubgraph } from "./lait-import";

const args = process.argv.slice(2);
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? "").split(",") : [...LAIT_SUBGRAPHS];
const folder = args.find((a, i) => !a.startsWith("--") && (onlyIndex < 0 || i !== onlyIndex + 1));
if (!folder || !existsSync(folder) || only.some((n) => !(LAIT_SUBGRAPHS as readonly string[]).includes(n))) {
  console.error("usage: npm run import:lait -- <LAIT folder> [--only region,education,care]");
  process.exit(2);
}
const laitFolder = resolve(folder);

let failed = false;
for (const name of only as LaitSubgraph[]) {
  // a national import's deletes and inserts are long statements: the service's query limit is for requests, not for this
  const env = scriptEnvFor(name, { DB_QUERY_TIMEOUT_MS: "600000", ...process.env });
  try {
    const { database, ms, result } = await importLaitInto(name, env, laitFolder);
    console.log(`${name} (${database}): imported in ${(ms / 1000).toFixed(1)} s`, result);
  } catch (error) {
    failed = true;
    console.error(`${name}: import failed, nothing changed: ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
