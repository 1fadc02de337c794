/** Validates seed files without a database: `npx tsx scripts/validate-seeds.ts <file.json>...` (plans, evidence, local figures) */
import { readFileSync } from "node:fs";
import { parseSeed } from "@tees/subgraph-common/seed-files";
import { localFiguresFile } from "@tees/subgraph-common/seed-schema";
import { DEFAULT_LAIT_FOLDER, dictionaryFile } from "@tees/subgraph-common/lait/paths";
import { readMeasureDomains } from "@tees/outcomes/topics";
import { readPlanSeed } from "../subgraphs/authority-plan/src/seeding/validate";
import { readEvidenceSeed } from "../subgraphs/authority-plan/src/seeding/evidence";

const measures = readMeasureDomains(dictionaryFile(DEFAULT_LAIT_FOLDER));

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    if (file.includes("/local-figures/")) parseSeed(file, readFileSync(file, "utf8"), localFiguresFile);
    // an evidence file is checked against the plan seed of its document (../plans/<same name>)
    else if (file.includes("/evidence/")) readEvidenceSeed(file, readPlanSeed(file.replace("/evidence/", "/plans/"), measures));
    else readPlanSeed(file, measures);
    console.log(`ok ${file}`);
  } catch (error) {
    failed = true;
    console.error(`FAIL ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
