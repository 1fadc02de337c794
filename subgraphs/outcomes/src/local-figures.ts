import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { In, type DataSource } from "typeorm";
import { parseSeed, SeedError } from "@tees/subgraph-common/seed-files";
import { localFiguresFile, type LocalFiguresFile } from "@tees/subgraph-common/seed-schema";
import { Figure, FigureSource, OutcomeDocument, UNASSIGNED_OWNER } from "./entities";
import { lockDocument, writeTransaction } from "./documents";

/** Reads and validates every local-figures file of a folder before anything is written. */
export function readLocalFigures(folder: string): LocalFiguresFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => parseSeed(join(folder, f), readFileSync(join(folder, f), "utf8"), localFiguresFile));
}

/** What a local figure says, from a seed file or an editor's write (the authority and document come from around it). */
export interface LocalFigureFields {
  key: string;
  measureCode: string | null;
  label: string;
  value: number | null;
  unit: string;
  period: { label: string; start?: string | null | undefined; end?: string | null | undefined };
  source: { section: string; quote?: string | null | undefined };
}

/** The figure row of a local figure: id "<document key>/<key>", kind local; the one mapping for seeds and writes. */
export function localFigureRow(authorityCode: string, documentKey: string, f: LocalFigureFields): Figure {
  const start = f.period.start ?? null;
  const end = f.period.end ?? null;
  return Object.assign(new Figure(), {
    id: `${documentKey}/${f.key}`,
    kind: "local",
    measureCode: f.measureCode,
    areaCode: authorityCode,
    label: f.label,
    value: f.value,
    unit: f.unit,
    periodLabel: f.period.label,
    periodKind: "unknown",
    periodStatus: null,
    periodStartYear: start ? Number(start.slice(0, 4)) : null,
    periodEndYear: end ? Number(end.slice(0, 4)) : start ? Number(start.slice(0, 4)) : null,
    periodStart: start,
    periodEnd: end,
    documentKey,
    source: { document: documentKey, section: f.source.section, quote: f.source.quote ?? null },
  });
}

/**
 * Replaces the local figures of these documents in one transaction; published figures are never touched.
 * Each document is owned by its file's authority: a document held as another authority's (or as the
 * published dataset) is refused, naming it, before anything is written; one the owner migration left
 * "unassigned" is given to the file's authority.
 */
/**
 * The further sources of the files' figures ("also stated in"). Each names another document of the
 * same authority that has its own file here: a figure is held once, with every document that states it.
 */
export function alsoStatedRows(files: LocalFiguresFile[]): FigureSource[] {
  const ownerOf = new Map(files.map((f) => [f.document.key, f.authorityCode]));
  return files.flatMap((file) =>
    file.figures.flatMap((f) =>
      (f.alsoStatedIn ?? []).map((s, n) => {
        const where = `figure "${f.key}"`;
        if (s.document === file.document.key) throw new SeedError(`${file.document.key}.json`, where, `alsoStatedIn.${n}.document`, "is the file's own document");
        const owner = ownerOf.get(s.document);
        if (owner === undefined) throw new SeedError(`${file.document.key}.json`, where, `alsoStatedIn.${n}.document`, `"${s.document}" has no local-figures file in this folder`);
        if (owner !== file.authorityCode) throw new SeedError(`${file.document.key}.json`, where, `alsoStatedIn.${n}.document`, `"${s.document}" is ${owner}'s document, not ${file.authorityCode}'s`);
        const figureId = `${file.document.key}/${f.key}`;
        return Object.assign(new FigureSource(), {
          id: `${figureId}/also-${n + 1}`, figureId, documentKey: file.document.key, ordinal: n,
          source: { document: s.document, section: s.section, quote: s.quote ?? null },
        });
      }),
    ),
  );
}

export async function loadLocalFigures(dataSource: DataSource, files: LocalFiguresFile[]): Promise<number> {
  const rows = files.flatMap((file) => file.figures.map((f) => localFigureRow(file.authorityCode, file.document.key, f)));
  const further = alsoStatedRows(files);
  await writeTransaction(dataSource, async (manager) => {
    for (const { authorityCode, document } of files) {
      const held = await lockDocument(manager, document.key);
      if (held && held.owner !== authorityCode && held.owner !== UNASSIGNED_OWNER) {
        throw new SeedError(`${document.key}.json`, `document "${document.key}"`, "authorityCode", `is ${authorityCode}, but the document is held as ${held.owner}'s; nothing was loaded`);
      }
    }
    const keys = files.map((f) => f.document.key);
    if (keys.length) await manager.delete(FigureSource, { documentKey: In(keys) });
    if (keys.length) await manager.delete(Figure, { documentKey: In(keys), kind: "local" });
    await manager.getRepository(OutcomeDocument).upsert(
      files.map(({ authorityCode, document: d }) => ({ key: d.key, title: d.title, publisher: d.publisher, location: d.file, asAt: d.asAt, asAtText: d.asAtText, owner: authorityCode })),
      ["key"],
    );
    for (let i = 0; i < rows.length; i += 200) await manager.insert(Figure, rows.slice(i, i + 200));
    for (let i = 0; i < further.length; i += 200) await manager.insert(FigureSource, further.slice(i, i + 200));
  });
  return rows.length;
}
