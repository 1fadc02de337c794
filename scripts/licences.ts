/**
 * Writes DATA-LICENCE.md, the data notice: each source, its licence and the attribution it requires.
 * The council documents are listed from the seed files themselves (seeds/<authority>/plans/*.json,
 * seeds/education|care/local-figures/*.json: their `document` block, and a plan's period), so the
 * notice cannot drift from what the repository ships. npm run licences [-- --check]
 * (--check: exit 1, writing nothing, when DATA-LICENCE.md differs from what would be written.)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ATTRIBUTION, OGL_ATTRIBUTION, OGL_URL } from "../gateway/client/attribution";

const root = join(import.meta.dirname, "..");
export const NOTICE_FILE = join(root, "DATA-LICENCE.md");

/**
 * What each council document says of its licence, read in the document itself
 * (../shared/source-documents/<file>). None of the five states a licence, copyright or reuse
 * terms; a document that does gets an entry here: its file name → the statement, quoted.
 */
export const DOCUMENT_LICENCES: Record<string, string> = {};
export const NO_LICENCE = "no licence stated";

export interface SeedDocument {
  key: string;
  title: string;
  file: string;
  publisher: string;
  asAt: string | null;
  asAtText: string | null;
}

export interface CitedDocument extends SeedDocument {
  /** the plan's period label, when a plan seed holds the document */
  period: string | null;
  /** repository paths of the seed files that cite it */
  seeds: string[];
}

/** every seed file that cites a council document, as a repository path */
export function seedFiles(): string[] {
  const files: string[] = [];
  const seeds = join(root, "seeds");
  for (const folder of readdirSync(seeds, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const sub of ["plans", "local-figures"]) {
      const dir = join(seeds, folder, sub);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) files.push(`seeds/${folder}/${sub}/${f}`);
    }
  }
  return files;
}

/** the documents the seeds cite, one entry per document file; seeds that describe one document differently are an error */
export function citedDocuments(): CitedDocument[] {
  const byFile = new Map<string, CitedDocument>();
  for (const path of seedFiles()) {
    const seed = JSON.parse(readFileSync(join(root, path), "utf8")) as { document?: SeedDocument; plan?: { period?: { label?: string } } };
    const d = seed.document;
    if (!d?.file || !d.title || !d.publisher) throw new Error(`${path}: no document (title, file, publisher)`);
    const doc: SeedDocument = { key: d.key, title: d.title, file: d.file, publisher: d.publisher, asAt: d.asAt ?? null, asAtText: d.asAtText ?? null };
    const held = byFile.get(d.file);
    if (!held) byFile.set(d.file, { ...doc, period: seed.plan?.period?.label ?? null, seeds: [path] });
    else {
      for (const field of ["key", "title", "publisher", "asAt", "asAtText"] as const) {
        if (held[field] !== doc[field]) throw new Error(`${path}: document "${d.file}" has ${field} ${JSON.stringify(doc[field])}, but ${held.seeds[0]} has ${JSON.stringify(held[field])}`);
      }
      held.period ??= seed.plan?.period?.label ?? null;
      held.seeds.push(path);
    }
  }
  return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
}

/** a table cell: | and line breaks would end it */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ");

function dateOf(d: CitedDocument): string {
  const asAt = d.asAt ? `as at ${d.asAt}${d.asAtText ? ` ("${d.asAtText}")` : ""}` : "no date recorded";
  return d.period ? `${asAt}; period ${d.period}` : asAt;
}

export function renderNotice(documents = citedDocuments()): string {
  const lines = [
    "# Data licences and attribution",
    "",
    "<!-- Written by `npm run licences` from the seed files; edit scripts/licences.ts or the seeds, not this file. -->",
    "",
    "The code is under the MIT licence ([LICENSE](LICENSE)). The data the repository ships and loads is not:",
    "each source keeps its own licence, below, and anything that republishes it must carry the attribution it requires.",
    "",
    "## Attribution every export carries",
    "",
    "`npm run compare` carries this line (Markdown: the last line; CSV: the last row); the dashboard's data page and",
    "its exports are to carry the same. It is defined once, in `gateway/client/attribution.ts`:",
    "",
    `> ${ATTRIBUTION}`,
    "",
    "## DfE Local Authority Interactive Tool (LAIT): published outcome figures",
    "",
    "- **What the repository ships:** `seeds/lait/` (the national release: `bds_long.csv.gz`, the data dictionary, the",
    "  code lists and both statistical-neighbour files, copied unchanged; what `npm start` and `npm run db:seed` load),",
    "  `seeds/lait-tees-valley/` (the Tees Valley extract the tests load, rows unchanged, written by `npm run lait:extract`),",
    "  and `seeds/region/areas.csv` (written by `npm run seed:build-region` from LAIT's `la_code_list.csv` and",
    "  `la_gss_codes.csv`); `npm run import:lait` loads a newer release. (seeds/README.md)",
    "- **Publisher:** Department for Education (DfE), in the repository `dfe-analytical-services/local-authority-interactive-tool`.",
    "  Each measure's data owner is named in `lait_data_dictionary.csv` (column \"Data Owner (DO) /Supplier and Contact",
    "  Details\"): DfE for most; also ONS, OHID / Public Health England, the Youth Justice Board, Ofsted, NHS England,",
    "  CAFCASS, DWP and NCMD for a few. (the dictionary)",
    "- **Release and date:** commit 2e30e3959a6ab8b2d22941b84764da41a40ac91b of 2026-04-08 (\"New Data - CIN and CLA",
    "  outcomes for 2025\"). (seeds/README.md)",
    `- **Licence:** the statistics are DfE/ONS/OHID official statistics under the Open Government Licence v3.0,`,
    `  <${OGL_URL}>. The LAIT repository itself is under MIT. (seeds/README.md)`,
    `- **Attribution required (OGL v3.0):** "${OGL_ATTRIBUTION}"`,
    "",
    "## Council documents: plans and local figures",
    "",
    "Plans (`seeds/<authority>/plans/`) and local figures (`seeds/education|care/local-figures/`) are extracted from",
    "these documents. Title, publisher and date are the seed files' own `document` block (`title`, `publisher`,",
    "`asAt`, `asAtText`) and, for a plan, its `period.label`; \"no date recorded\" where the seed records no `asAt`.",
    `The licence is what the document itself says, read in \`../shared/source-documents/<file>\`: "${NO_LICENCE}" where`,
    `it states no licence, copyright or terms of reuse${documents.every((d) => !DOCUMENT_LICENCES[d.file]) ? " (none of these does)" : ""}. This repository's MIT licence`,
    "does not cover them; for terms of reuse, ask the publisher.",
    "",
    "| Document | Publisher | Date / as at | Licence | Source file | Seed files |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const d of documents) {
    const licence = DOCUMENT_LICENCES[d.file] ?? NO_LICENCE;
    lines.push(`| ${[d.title, d.publisher, dateOf(d), licence, `\`${d.file}\``, d.seeds.map((s) => `\`${s}\``).join("<br>")].map(cell).join(" | ")} |`);
  }
  lines.push(
    "",
    "## Defined for this project",
    "",
    "`seeds/region/themes.json` (the theme taxonomy) is defined for this project (seeds/README.md), under [LICENSE](LICENSE).",
    "",
  );
  return lines.join("\n");
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const text = renderNotice();
  if (process.argv.includes("--check")) {
    const current = existsSync(NOTICE_FILE) ? readFileSync(NOTICE_FILE, "utf8") : "";
    if (current !== text) {
      console.error("DATA-LICENCE.md differs from the seeds: run npm run licences and commit it");
      process.exit(1);
    }
    console.log("DATA-LICENCE.md matches the seeds");
  } else {
    writeFileSync(NOTICE_FILE, text);
    console.log(`wrote DATA-LICENCE.md (${citedDocuments().length} council documents)`);
  }
}
