import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { In, type DataSource } from "typeorm";
import { parseSeed } from "../seed-files";
import { localFiguresFile, type LocalFiguresFile } from "../seed-schema";
import { Figure, SourceDocument } from "./entities";

/** Reads and validates every local-figures file of a folder before anything is written. */
export function readLocalFigures(folder: string): LocalFiguresFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => parseSeed(join(folder, f), readFileSync(join(folder, f), "utf8"), localFiguresFile));
}

/** Replaces the local figures of these documents in one transaction; published figures are never touched. */
export async function loadLocalFigures(dataSource: DataSource, files: LocalFiguresFile[]): Promise<number> {
  const rows = files.flatMap((file) =>
    file.figures.map((f) =>
      Object.assign(new Figure(), {
        id: `${file.document.key}/${f.key}`,
        kind: "local",
        measureCode: f.measureCode,
        areaCode: file.authorityCode,
        label: f.label,
        value: f.value,
        unit: f.unit,
        periodLabel: f.period.label,
        periodKind: "unknown",
        periodStatus: null,
        periodStartYear: f.period.start ? Number(f.period.start.slice(0, 4)) : null,
        periodEndYear: f.period.end ? Number(f.period.end.slice(0, 4)) : f.period.start ? Number(f.period.start.slice(0, 4)) : null,
        periodStart: f.period.start ?? null,
        periodEnd: f.period.end ?? null,
        documentKey: file.document.key,
        source: { document: file.document.key, section: f.source.section, quote: f.source.quote ?? null },
      }),
    ),
  );
  await dataSource.transaction(async (manager) => {
    const keys = files.map((f) => f.document.key);
    if (keys.length) await manager.delete(Figure, { documentKey: In(keys), kind: "local" });
    await manager.getRepository(SourceDocument).upsert(
      files.map(({ document: d }) => ({ key: d.key, title: d.title, publisher: d.publisher, location: d.file, asAt: d.asAt, asAtText: d.asAtText })),
      ["key"],
    );
    for (let i = 0; i < rows.length; i += 200) await manager.insert(Figure, rows.slice(i, i + 200));
  });
  return rows.length;
}
