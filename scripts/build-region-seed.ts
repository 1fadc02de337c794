/**
 * Builds seeds/region/areas.csv (England, the regions and every English local
 * authority, with ONS and DfE codes) from the DfE LAIT code lists.
 * Usage: npm run seed:build-region -- [../shared/reference-data/dfe-lait]
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readLaitAreas } from "@tees/subgraph-common/lait/code-lists";

const folder = process.argv[2] ?? join(import.meta.dirname, "../../shared/reference-data/dfe-lait");
const { areas, withoutGss } = readLaitAreas(folder);
for (const name of withoutGss) console.warn(`la_code_list.csv: ${name} has no GSS code; left out`);

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const rows = ["code,dfe_number,name,kind,la_type,region_code"];
for (const a of areas) rows.push([a.code, a.dfeNumber, quote(a.name), a.kind, a.laType ?? "", a.regionCode ?? ""].join(","));
const out = join(import.meta.dirname, "../seeds/region/areas.csv");
writeFileSync(out, rows.join("\n") + "\n");
console.log(`wrote ${out}: ${rows.length - 1} areas`);
