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

export function readPlanSeed(file: string): PlanSeedFile {
  const seed = parseSeed(file, readFileSync(file, "utf8"), planSeedFile);
  checkPlanReferences(file, seed);
  return seed;
}
