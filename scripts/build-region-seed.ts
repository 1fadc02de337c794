/**
 * Builds seeds/region/areas.csv (England, the regions and every English local
 * authority, with ONS and DfE codes) from the DfE LAIT code lists.
 * Usage: npm run seed:build-region -- [../shared/reference-data/dfe-lait]
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCsv } from "@tees/subgraph-common/csv";

const folder = process.argv[2] ?? join(import.meta.dirname, "../../shared/reference-data/dfe-lait");
const laList = readCsv(join(folder, "la_code_list.csv"));
const gss = new Map(readCsv(join(folder, "la_gss_codes.csv")).map(({ record }) => [record.la_number!, record.gss_code!]));

// la_code_list names regions as LAIT does; Inner and Outer London are parts of the London region
const regionCodeByName = new Map<string, string>();
for (const { record } of laList) {
  if (record.region === "NA" && record.la_number !== "970" && gss.get(record.la_number!)?.startsWith("E12")) {
    regionCodeByName.set(record.la_name!.toLowerCase(), gss.get(record.la_number!)!);
  }
}
const london = regionCodeByName.get("london")!;
regionCodeByName.set("inner london", london);
regionCodeByName.set("outer london", london);

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const rows = ["code,dfe_number,name,kind,la_type,region_code"];
for (const { line, record } of laList) {
  const code = gss.get(record.la_number!);
  if (!code) {
    console.warn(`la_code_list.csv line ${line}: ${record.la_name} (${record.la_number}) has no GSS code; left out`);
    continue;
  }
  const kind = code === "E92000001" ? "england" : code.startsWith("E12") || code.startsWith("E13") ? "region" : "local-authority";
  const regionCode = kind === "local-authority" ? regionCodeByName.get(record.region!.toLowerCase()) : undefined;
  if (kind === "local-authority" && !regionCode) throw new Error(`la_code_list.csv line ${line}: unknown region "${record.region}"`);
  rows.push([code, record.la_number!, quote(record.la_name!), kind, kind === "local-authority" ? record.la_type! : "", regionCode ?? ""].join(","));
}
const out = join(import.meta.dirname, "../seeds/region/areas.csv");
writeFileSync(out, rows.join("\n") + "\n");
console.log(`wrote ${out}: ${rows.length - 1} areas`);
