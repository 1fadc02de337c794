import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { ZodType } from "zod";
import { planSeedFile, type PlanSeedFile } from "./seed-schema";

/** A seed file that cannot be loaded; the message names the file, the record and the field. */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${record}: field "${field}": ${problem}`);
    this.name = "SeedError";
  }
}

/** Describes a zod issue path as "record" (e.g. priorities[2] key=p3) and "field". */
function locate(data: unknown, path: ReadonlyArray<PropertyKey>): { record: string; field: string } {
  // the record is the deepest object in the path that has a `key`; the field is the rest of the path
  let node: unknown = data;
  let recordPath = "file";
  let recordDepth = 0;
  path.forEach((segment, depth) => {
    if (node && typeof node === "object") node = (node as Record<PropertyKey, unknown>)[segment];
    if (node && typeof node === "object" && "key" in node && typeof (node as { key: unknown }).key === "string") {
      recordPath = `${path.slice(0, depth + 1).map(String).join(".")} (key "${(node as { key: string }).key}")`;
      recordDepth = depth + 1;
    }
  });
  const field = path.slice(recordDepth).map(String).join(".") || "(whole record)";
  return { record: recordPath, field };
}

export function parseSeed<T>(file: string, text: string, schema: ZodType<T>): T {
  const name = basename(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SeedError(name, "file", "(json)", `not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const { record, field } = locate(data, issue.path);
    throw new SeedError(name, record, field, issue.message);
  }
  return result.data;
}

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
  unique("indicators", seed.priorities.flatMap((p) => p.indicators));
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
