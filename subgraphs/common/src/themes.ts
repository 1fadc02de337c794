/**
 * The region's theme taxonomy, seeds/region/themes.json: the region registry seeds its `Theme`
 * rows from it, and the plan subgraphs accept exactly its ids on priorities and actions (seed files
 * and writes). One file, so the two cannot drift apart; test/theme-taxonomy.test.ts checks the ids
 * the region serves against the ids a plan subgraph accepts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseSeed } from "./seed-files";
import { slug } from "./validation";

/** seeds/region/themes.json */
export const THEMES_FILE = join(import.meta.dirname, "../../../seeds/region/themes.json");

export const themesFile = z
  .array(z.object({ id: slug, name: z.string().min(1), description: z.string().min(1) }).strict())
  .min(1)
  .refine((themes) => new Set(themes.map((t) => t.id)).size === themes.length, "must not repeat a theme id");
export type ThemeSeed = z.infer<typeof themesFile>[number];

/** The taxonomy of a themes file, in its order (a SeedError naming the file and field when it is malformed). */
export function readThemes(file: string = THEMES_FILE): ThemeSeed[] {
  return parseSeed(file, readFileSync(file, "utf8"), themesFile);
}

/** The taxonomy's ids, in order, read once when this module is first imported. */
export const themeIds = readThemes().map((t) => t.id) as [string, ...string[]];
