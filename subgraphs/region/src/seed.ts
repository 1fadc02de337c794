import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { readCsv } from "@tees/subgraph-common/csv";
import { parseSeed, SeedError } from "@tees/subgraph-common/seed-files";
import { themesFile } from "@tees/subgraph-common/themes";
import { readLaitAreas, readNeighbourSets } from "@tees/subgraph-common/lait/code-lists";
import { replaceNeighbours } from "@tees/subgraph-common/lait/store";
import { Area, Theme } from "./entities";

const areaKinds = new Set(["england", "region", "local-authority"]);

/** seeds/region/areas.csv, checked row by row (also read by `npm run token` to check an authority code) */
export function readAreas(file: string): Area[] {
  return readCsv(file).map(({ line, record }) => {
    const fail = (field: string, problem: string): never => {
      throw new SeedError("areas.csv", `line ${line}`, field, problem);
    };
    if (!/^E\d{8}$/.test(record.code ?? "")) fail("code", `not an ONS GSS code: "${record.code}"`);
    if (!areaKinds.has(record.kind ?? "")) fail("kind", `unknown kind "${record.kind}"`);
    if (!/^\d+$/.test(record.dfe_number ?? "")) fail("dfe_number", `not a number: "${record.dfe_number}"`);
    if (!record.name) fail("name", "empty");
    const area = new Area();
    Object.assign(area, {
      code: record.code,
      dfeNumber: Number(record.dfe_number),
      name: record.name,
      kind: record.kind,
      laType: record.la_type || null,
      regionCode: record.region_code || null,
    });
    return area;
  });
}

/**
 * Loads the registry: areas, the theme taxonomy and both statistical-neighbour sets
 * (from the LAIT folder). All or nothing; running it again changes nothing.
 */
export async function seedRegion(dataSource: DataSource, folder: string, laitFolder: string) {
  const areas = readAreas(join(folder, "areas.csv"));
  const themesPath = join(folder, "themes.json");
  const themes = parseSeed(themesPath, readFileSync(themesPath, "utf8"), themesFile).map((t, ordinal) =>
    Object.assign(new Theme(), { ...t, ordinal }),
  );
  const neighbours = readNeighbourSets(laitFolder);
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(Area).upsert(areas, ["code"]);
    await manager.getRepository(Theme).upsert(themes, ["id"]);
    await replaceNeighbours(manager, neighbours);
  });
  return { areas: areas.length, themes: themes.length, neighbourPairs: neighbours.length };
}

/**
 * `npm run import:lait`: every area of a LAIT folder's code lists (a newer list adds or
 * renames authorities) and its neighbour sets, in one transaction.
 */
export async function importLaitAreas(dataSource: DataSource, laitFolder: string) {
  const { areas } = readLaitAreas(laitFolder);
  const neighbours = readNeighbourSets(laitFolder);
  await dataSource.transaction(async (manager) => {
    const rows = areas.map((a) => Object.assign(new Area(), a));
    for (let i = 0; i < rows.length; i += 200) await manager.getRepository(Area).upsert(rows.slice(i, i + 200), ["code"]);
    await replaceNeighbours(manager, neighbours);
  });
  return { areas: areas.length, neighbourPairs: neighbours.length };
}
