import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseSeed, SeedError } from "@tees/subgraph-common/seed-files";
import { planSeedFile, type PlanSeedFile } from "./seed-schema";

/** Checks what the schema cannot: unique keys and references between records. */
export function checkPlanReferences(file: string, seed: PlanSeedFile): void {
  const name = basename(file);
  const unique = (what: string, items: ReadonlyArray<{ key: string }>): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.key)) throw new SeedError(name, `${what}.${index} (key "${item.key}")`, "key", "duplicate key");
      seen.add(item.key);
    });
    return seen;
  };
  const priorities = unique("priorities", seed.priorities);
  const principles = unique("plan.principles", seed.plan.principles);
  const groups = unique("groups", seed.groups);
  const linkedPlans = unique("linkedPlans", seed.linkedPlans);
  unique("actions", seed.actions);
  unique("contextFigures", seed.contextFigures);
  unique("indicators", [...seed.plan.indicators, ...seed.priorities.flatMap((p) => p.indicators)]);
  seed.actions.forEach((action, index) => {
    const record = `actions.${index} (key "${action.key}")`;
    const check = (field: string, keys: string[], known: Set<string>) =>
      keys.forEach((key, i) => {
        if (!known.has(key)) throw new SeedError(name, record, `${field}.${i}`, `no record with key "${key}"`);
      });
    check("priorityKeys", action.priorityKeys, priorities);
    check("principleKeys", action.principleKeys, principles);
    check("leadGroupKeys", action.leadGroupKeys, groups);
    check("linkedPlanKeys", action.linkedPlanKeys, linkedPlans);
  });
}

/** Every indicator's measure code must be a measure of the LAIT data dictionary. */
export function checkMeasureCodes(file: string, seed: PlanSeedFile, knownMeasures: ReadonlyMap<string, unknown>): void {
  const check = (where: string, indicators: PlanSeedFile["plan"]["indicators"]) =>
    indicators.forEach((indicator, index) => {
      if (indicator.measureCode !== null && !knownMeasures.has(indicator.measureCode)) {
        throw new SeedError(basename(file), `${where}.${index} (key "${indicator.key}")`, "measureCode", `"${indicator.measureCode}" is not a measure of the LAIT data dictionary`);
      }
    });
  check("plan.indicators", seed.plan.indicators);
  seed.priorities.forEach((priority, n) => check(`priorities.${n}.indicators`, priority.indicators));
}

/** Parses and checks one seed file; with `knownMeasures`, its indicators' measure codes too. */
export function readPlanSeed(file: string, knownMeasures?: ReadonlyMap<string, unknown>): PlanSeedFile {
  const seed = parseSeed(file, readFileSync(file, "utf8"), planSeedFile);
  checkPlanReferences(file, seed);
  if (knownMeasures) checkMeasureCodes(file, seed, knownMeasures);
  return seed;
}
