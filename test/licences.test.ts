/**
 * Licences (issue 18): the code's LICENSE and every package.json's "license"; the data notice
 * (DATA-LICENCE.md) lists exactly the documents the seeds cite, as they record them, with the OGL
 * attribution for DfE LAIT; the README points at both.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OGL_ATTRIBUTION, OGL_URL } from "../gateway/client/attribution";
import { NO_LICENCE, renderNotice } from "../scripts/licences";

const root = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const notice = () => read("DATA-LICENCE.md");
const sourceDocuments = join(root, "..", "shared", "source-documents");
const hasDocuments = existsSync(sourceDocuments);
if (!hasDocuments) console.warn("Source document licence checks NOT run: ../shared/source-documents is not beside the repository (CI has it)");

/** every seed file that describes a council document, found here without the generator's help */
function seedDocuments(): Array<{ path: string; document: { title: string; file: string; publisher: string; asAt: string | null } }> {
  const out = [];
  for (const folder of readdirSync(join(root, "seeds"))) {
    for (const sub of ["plans", "local-figures"]) {
      const dir = join(root, "seeds", folder, sub);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
        const path = `seeds/${folder}/${sub}/${f}`;
        out.push({ path, document: JSON.parse(read(path)).document });
      }
    }
  }
  return out;
}

/** the notice's council-document table: one row per document */
function noticeRows(): Array<{ title: string; publisher: string; date: string; licence: string; file: string; seeds: string[] }> {
  const lines = notice().split("\n");
  const start = lines.findIndex((l) => l.startsWith("| Document | Publisher |"));
  expect(start, "the council documents table").toBeGreaterThan(0);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const cells = line.slice(2, -2).split(" | ");
    expect(cells, line).toHaveLength(6);
    const [title, publisher, date, licence, file, seeds] = cells as [string, string, string, string, string, string];
    rows.push({ title, publisher, date, licence, file: file.replace(/`/g, ""), seeds: seeds.split("<br>").map((s) => s.replace(/`/g, "")) });
  }
  return rows;
}

describe("the code's licence", () => {
  it("LICENSE is the MIT licence of the Tees Partnership Graph contributors, 2026", () => {
    const text = read("LICENSE");
    expect(text).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Tees Partnership Graph contributors\n/);
    expect(text).toContain("Permission is hereby granted, free of charge, to any person obtaining a copy");
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('the root package.json and every workspace\'s say "license": "MIT"', () => {
    const rootPackage = JSON.parse(read("package.json")) as { license?: string; workspaces: string[] };
    expect(rootPackage.license).toBe("MIT");
    expect(rootPackage.workspaces.length).toBeGreaterThan(0);
    for (const workspace of rootPackage.workspaces) {
      expect(JSON.parse(read(`${workspace}/package.json`)).license, workspace).toBe("MIT");
    }
  });
});

describe("the data notice (DATA-LICENCE.md)", () => {
  it("is what npm run licences writes from the seeds", () => {
    expect(notice(), "run npm run licences and commit DATA-LICENCE.md").toBe(renderNotice());
  });

  it("names DfE LAIT's release, the Open Government Licence v3.0 with its link, and its attribution statement", () => {
    const text = notice();
    expect(text).toContain("Open Government Licence v3.0");
    expect(text).toContain(OGL_URL);
    expect(OGL_ATTRIBUTION).toBe("Contains public sector information licensed under the Open Government Licence v3.0.");
    expect(text).toContain(`"${OGL_ATTRIBUTION}"`);
    expect(text).toContain("commit 2e30e3959a6ab8b2d22941b84764da41a40ac91b of 2026-04-08");
    expect(text).toContain("Department for Education");
  });

  it("lists every seed file that cites a document, and no other", () => {
    const listed = noticeRows().flatMap((r) => r.seeds).sort();
    expect(listed).toEqual(seedDocuments().map((s) => s.path).sort());
  });

  it("lists each document the seeds cite once, with the title, publisher and as-at the seeds record, and no other document", () => {
    const rows = noticeRows();
    const seeds = seedDocuments();
    expect(rows.map((r) => r.file).sort()).toEqual([...new Set(seeds.map((s) => s.document.file))].sort());
    for (const { path, document } of seeds) {
      const row = rows.find((r) => r.file === document.file)!;
      expect(row.seeds, document.file).toContain(path);
      expect(row.title, path).toBe(document.title);
      expect(row.publisher, path).toBe(document.publisher);
      if (document.asAt) expect(row.date, path).toContain(`as at ${document.asAt}`);
      else expect(row.date, path).toContain("no date recorded");
    }
  });

  it.skipIf(!hasDocuments)("says \"no licence stated\" only for a document that states no licence or copyright", () => {
    for (const row of noticeRows()) {
      const text = readFileSync(join(sourceDocuments, row.file), "utf8");
      const statement = text.match(/licen[cs]e|copyright|©|\(c\)|crown|open government|all rights reserved/i);
      if (row.licence === NO_LICENCE) expect(statement?.[0], `${row.file} has a statement: name it in scripts/licences.ts`).toBeUndefined();
      else expect(statement, `${row.file}: the notice names a licence the document does not state`).not.toBeNull();
    }
  });
});

describe("README", () => {
  it("has a Licences and attribution section pointing at LICENSE and DATA-LICENCE.md, with the OGL attribution", () => {
    const readme = read("README.md");
    expect(readme).toContain("\n## Licences and attribution\n");
    const section = readme.slice(readme.indexOf("\n## Licences and attribution\n") + 1);
    const body = section.slice(0, section.indexOf("\n## ") === -1 ? undefined : section.indexOf("\n## "));
    expect(body).toContain("](LICENSE)");
    expect(body).toContain("](DATA-LICENCE.md)");
    expect(body).toContain(OGL_ATTRIBUTION);
  });
});
