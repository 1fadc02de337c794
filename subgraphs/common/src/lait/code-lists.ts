import { existsSync } from "node:fs";
import { join } from "node:path";
import { readCsv } from "../csv";
import { SeedError } from "../seed-files";

export type AreaKind = "england" | "region" | "local-authority";

/** England, a region or a local authority, as the LAIT code lists give it. */
export interface LaitArea {
  code: string;
  dfeNumber: number;
  name: string;
  kind: AreaKind;
  laType: string | null;
  regionCode: string | null;
}

/** DfE LA number → ONS GSS code (la_gss_codes.csv) */
export function readGssCodes(folder: string): Map<string, string> {
  const file = join(folder, "la_gss_codes.csv");
  return new Map(
    readCsv(file).map(({ line, record }) => {
      if (!/^\d+$/.test(record.la_number ?? "")) throw new SeedError("la_gss_codes.csv", `line ${line}`, "la_number", `not a number: "${record.la_number}"`);
      if (!/^E\d{8}$/.test(record.gss_code ?? "")) throw new SeedError("la_gss_codes.csv", `line ${line}`, "gss_code", `not an ONS GSS code: "${record.gss_code}"`);
      return [record.la_number!, record.gss_code!];
    }),
  );
}

/**
 * Every area of la_code_list.csv with its GSS code: England, the regions (Inner and
 * Outer London are parts of London) and every local authority with its region.
 * An entry with no GSS code is left out (the caller is told which).
 */
export function readLaitAreas(folder: string): { areas: LaitArea[]; withoutGss: string[] } {
  const file = join(folder, "la_code_list.csv");
  if (!existsSync(file)) throw new SeedError("la_code_list.csv", folder, "file", "missing");
  const laList = readCsv(file);
  const gss = readGssCodes(folder);
  // la_code_list names regions as LAIT does (region "NA")
  const regionCodeByName = new Map<string, string>();
  for (const { record } of laList) {
    const code = gss.get(record.la_number ?? "");
    if (record.region === "NA" && code?.startsWith("E12")) regionCodeByName.set(record.la_name!.toLowerCase(), code);
  }
  const london = regionCodeByName.get("london");
  if (london) {
    regionCodeByName.set("inner london", london);
    regionCodeByName.set("outer london", london);
  }
  const areas: LaitArea[] = [];
  const withoutGss: string[] = [];
  for (const { line, record } of laList) {
    const code = gss.get(record.la_number ?? "");
    if (!code) {
      withoutGss.push(`${record.la_name} (${record.la_number})`);
      continue;
    }
    const kind: AreaKind = code === "E92000001" ? "england" : code.startsWith("E12") || code.startsWith("E13") ? "region" : "local-authority";
    const regionCode = kind === "local-authority" ? regionCodeByName.get((record.region ?? "").toLowerCase()) : undefined;
    if (kind === "local-authority" && !regionCode) throw new SeedError("la_code_list.csv", `line ${line}`, "region", `unknown region "${record.region}"`);
    areas.push({
      code,
      dfeNumber: Number(record.la_number),
      name: record.la_name!,
      kind,
      laType: kind === "local-authority" ? record.la_type || null : null,
      regionCode: regionCode ?? null,
    });
  }
  return { areas, withoutGss };
}

/** A published set of DfE statistical neighbours, named by its date (statistical_neighbours_<set>.csv). */
export const NEIGHBOUR_SETS = ["2021-04", "2025-05"] as const;
export type NeighbourSetId = (typeof NEIGHBOUR_SETS)[number];

export interface NeighbourPair {
  setId: NeighbourSetId;
  areaCode: string;
  rank: number;
  neighbourCode: string;
  closeness: string | null;
}

/** Both published sets, each authority's neighbours ranked, as GSS codes. */
export function readNeighbourSets(folder: string, gss = readGssCodes(folder)): NeighbourPair[] {
  const pairs: NeighbourPair[] = [];
  for (const setId of NEIGHBOUR_SETS) {
    const name = `statistical_neighbours_${setId}.csv`;
    for (const { line, record } of readCsv(join(folder, name))) {
      const fail = (field: string, problem: string): never => {
        throw new SeedError(name, `line ${line}`, field, problem);
      };
      // "-": the set has no neighbours for this authority (Cumberland and Westmorland and Furness, created 2023, in the 2021 set)
      if (record.neighbour_la_number === "-") continue;
      const areaCode = gss.get(record.la_number ?? "") ?? fail("la_number", `no GSS code for "${record.la_number}"`);
      const neighbourCode = gss.get(record.neighbour_la_number ?? "") ?? fail("neighbour_la_number", `no GSS code for "${record.neighbour_la_number}"`);
      const rank = Number(record.rank);
      if (!Number.isInteger(rank) || rank < 1) fail("rank", `not a positive whole number: "${record.rank}"`);
      pairs.push({ setId, areaCode, rank, neighbourCode, closeness: record.closeness?.trim() || null });
    }
  }
  return pairs;
}
