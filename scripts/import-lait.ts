/**
 * npm run import:lait -- <LAIT folder> [--only region,education,care] [--json]
 *
 * Loads a DfE LAIT folder (see seeds/README.md; the national release the repository
 * ships is seeds/lait): the registry takes the code lists and both statistical-neighbour
 * sets; education and care each take the measures of their own topics (README: "Which
 * topics go where"). Each database is brought up to date by its migrations first. Each
 * subgraph's import is one transaction, the values file read as a stream: a malformed row
 * is reported with its file, line and reason and that subgraph keeps what it had.
 * Re-running it changes nothing. Databases come from DATABASE_URL_REGION / _EDUCATION /
 * _CARE, or the embedded defaults. Each line ends with the process's peak resident
 * memory so far; --json prints one JSON object a line instead (used by npm run bench).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { scriptEnvFor } from "./script-env";
import { importLaitInto, LAIT_SUBGRAPHS, type LaitSubgraph } from "./lait-import";

const args = process.argv.slice(2);
const json = args.includes("--json");
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? "").split(",") : [...LAIT_SUBGRAPHS];
const folder = args.find((a, i) => !a.startsWith("--") && (onlyIndex < 0 || i !== onlyIndex + 1));
if (!folder || !existsSync(folder) || only.some((n) => !(LAIT_SUBGRAPHS as readonly string[]).includes(n))) {
  console.error("usage: npm run import:lait -- <LAIT folder> [--only region,education,care] [--json]");
  process.exit(2);
}
const laitFolder = resolve(folder);

let failed = false;
for (const name of only as LaitSubgraph[]) {
  // a national import's deletes and inserts are long statements: the service's query limit is for requests, not for this
  const env = scriptEnvFor(name, { DB_QUERY_TIMEOUT_MS: "600000", ...process.env });
  try {
    const { database, ms, result } = await importLaitInto(name, env, laitFolder);
    // kilobytes: the most this process has held in memory so far (the whole file would be ~1 GB; a stream is far less)
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    if (json) console.log(JSON.stringify({ name, database, ms, peakRssBytes, result }));
    else console.log(`${name} (${database}): imported in ${(ms / 1000).toFixed(1)} s, peak RSS ${Math.round(peakRssBytes / 1048576)} MB`, result);
  } catch (error) {
    failed = true;
    console.error(`${name}: import failed, nothing changed: ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
