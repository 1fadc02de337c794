import { basename } from "node:path";
import type { ZodType } from "zod";

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

/** Describes a zod issue path as the record (the deepest object with a `key`, e.g. `actions.3 (key "a04")`) and the field below it. */
function locate(data: unknown, path: ReadonlyArray<PropertyKey>): { record: string; field: string } {
  let node: unknown = data;
  let record = "file";
  let recordDepth = 0;
  path.forEach((segment, depth) => {
    if (node && typeof node === "object") node = (node as Record<PropertyKey, unknown>)[segment];
    if (node && typeof node === "object" && typeof (node as { key?: unknown }).key === "string") {
      record = `${path.slice(0, depth + 1).map(String).join(".")} (key "${(node as { key: string }).key}")`;
      recordDepth = depth + 1;
    }
  });
  return { record, field: path.slice(recordDepth).map(String).join(".") || "(whole record)" };
}

/** Parses and validates a JSON seed file; the first problem becomes a SeedError. */
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
