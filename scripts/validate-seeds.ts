/** Validates seed files without a database: `npx tsx scripts/validate-seeds.ts <file.json>...` */
import { readFileSync } from "node:fs";
import { parseSeed } from "@tees/subgraph-common/seed-files";
import { localFiguresFile } from "@tees/subgraph-common/seed-schema";
import { join } from "node:path";
import { readMeasureDomains } from "@tees/subgraph-common/outcomes/topics";
import { readPlanSeed } from "../subgraphs/authority-plan/src/seeding/validate";

const measures = readMeasureDomains(join(import.meta.dirname, "../seeds/lait-tees-valley/lait_data_dictionary.csv"));

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    if (file.includes("/local-figures/")) parseSeed(file, readFileSync(file, "utf8"), localFiguresFile);
    else readPlanSeed(file, measures);
    console.log(`ok ${file}`);
  } catch (error) {
    failed = true;
    console.error(`FAIL ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
