/**
 * Every source document of education and care has an owner (issue 13, finding 2): an authority,
 * or "published" for the DfE dataset. Only the owner's editors add figures that cite it, whether
 * or not any figure cites it now; a document an editor creates is named under its authority
 * (redcar-and-cleveland-...), so no authority takes the keys another would use. Through the real gateway (Hive Gateway + router runtime, tokens),
 * on the embedded database and on MySQL/MariaDB when MYSQL_URL is set; and the owner migration on
 * data held before owners existed.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDataSource } from "@tees/subgraph-common/database";
import { AuditEntry, Figure, OutcomeArea, OutcomeDocument, outcomeEntities } from "@tees/outcomes/entities";
import { authorityKeyPrefix, authorityNamedBy } from "@tees/outcomes/documents";
import { outcomeMigrations } from "@tees/outcomes/migrations";
import { loadLocalFigures, readLocalFigures } from "@tees/outcomes/local-figures";
import { repoRoot } from "../scripts/catalog";
import { databases } from "./support/matrix";
import { scratchDatabase } from "./support/mysql";
import { startSystem, type GraphQLResponse, type RunningSystem } from "./support/system";

const REDCAR = "E06000003";
const STOCKTON = "E06000004";
const STOCKTON_DOCUMENT = "stockton-sufficiency-2026";
const stocktonDescription = { title: "Sufficiency Strategy 2026", publisher: "Stockton-on-Tees Borough Council", asAt: "2026" };

interface Owner {
  kind: "AUTHORITY" | "PUBLISHED" | "UNASSIGNED";
  authorityCode: string | null;
}
interface Recorded {
  id: string;
  source: { document: { key: string; publisher: string; owner: Owner } };
}

const RECORD = /* GraphQL */ `
  mutation Record($input: LocalFigureInput!) {
    recordEducationLocalFigure(input: $input) { id source { document { key publisher owner { kind authorityCode } } } }
  }`;
const DELETE = /* GraphQL */ `mutation Delete($id: ID!) { deleteEducationLocalFigure(id: $id) }`;

const figure = (document: string, key: string, newDocument?: object) => ({
  key,
  measureCode: null,
  label: "Children placed within the borough (test figure)",
  value: 71,
  unit: "%",
  period: { label: "2025/26", start: "2025-04", end: "2026-03" },
  source: { document, section: "Placements", ...(newDocument ? { newDocument } : {}) },
});

/** the seeds of education, and a Stockton document declared in a seed file before it has any figures */
function seedFolderWithStocktonDocument(): string {
  const folder = mkdtempSync(join(tmpdir(), "tpg-owner-seeds-"));
  cpSync(join(repoRoot, "seeds/education/local-figures"), folder, { recursive: true });
  writeFileSync(
    join(folder, `${STOCKTON_DOCUMENT}.json`),
    JSON.stringify({
      authorityCode: STOCKTON,
      document: { key: STOCKTON_DOCUMENT, file: `${STOCKTON_DOCUMENT}.txt`, asAtText: null, ...stocktonDescription },
      figures: [],
    }),
  );
  return folder;
}

const codes = (body: GraphQLResponse<unknown>) => (body.errors ?? []).map((e) => e.extensions?.code);

/** what an editor's write may change in education */
async function counts(dataSource: DataSource) {
  return {
    figures: await dataSource.getRepository(Figure).count(),
    documents: await dataSource.getRepository(OutcomeDocument).count(),
    audit: await dataSource.getRepository(AuditEntry).count(),
  };
}

describe.each(databases)("document owners through the gateway on $label", ({ database }) => {
  let system: RunningSystem;
  let seeds: string;
  let education: DataSource;
  let tokens: { redcar: string; stockton: string };

  const record = (token: string, input: object) => system.post<{ recordEducationLocalFigure: Recorded }>(RECORD, { input }, { token });

  beforeAll(async () => {
    seeds = seedFolderWithStocktonDocument();
    system = await startSystem({ database, serviceEnv: { education: { LOCAL_FIGURES_FOLDER: seeds } } });
    education = system.services.get("education")!.dataSource;
    tokens = {
      redcar: await system.token({ role: "editor", authority: REDCAR }),
      stockton: await system.token({ role: "editor", authority: STOCKTON }),
    };
  });
  afterAll(async () => {
    await system?.close();
    if (seeds) rmSync(seeds, { recursive: true, force: true });
  });

  it("Redcar's editor cannot claim Stockton's stockton-sufficiency-2026 (held, no figures yet), described or not; Stockton's editor still writes to it", async () => {
    const before = await counts(education);
    for (const input of [figure(STOCKTON_DOCUMENT, "placed-in-borough", stocktonDescription), figure(STOCKTON_DOCUMENT, "placed-in-borough")]) {
      const { status, body } = await record(tokens.redcar, input);
      expect(status).toBe(200);
      expect(codes(body)).toEqual(["FORBIDDEN"]);
      expect(body.errors![0]!.message).toBe(
        `input.source.document: "${STOCKTON_DOCUMENT}" is a document of ${STOCKTON}; an editor of ${REDCAR} cannot add figures to it`,
      );
    }
    expect(await counts(education)).toEqual(before);
    expect(await education.getRepository(OutcomeDocument).findOneByOrFail({ key: STOCKTON_DOCUMENT })).toMatchObject({ owner: STOCKTON });

    const { body } = await record(tokens.stockton, figure(STOCKTON_DOCUMENT, "placed-in-borough"));
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordEducationLocalFigure).toEqual({
      id: `${STOCKTON_DOCUMENT}/placed-in-borough`,
      source: { document: { key: STOCKTON_DOCUMENT, publisher: stocktonDescription.publisher, owner: { kind: "AUTHORITY", authorityCode: STOCKTON } } },
    });
    // the audit entry is in Stockton's log
    const entry = await education.getRepository(AuditEntry).findOneByOrFail({ entityId: `${STOCKTON_DOCUMENT}/placed-in-borough` });
    expect(entry.authorityCode).toBe(STOCKTON);
  });

  it("the issue's scenario on a key nobody holds yet: Redcar's editor cannot create stockton-sufficiency-2027 as Stockton's; Stockton's editor creates its own", async () => {
    const before = await counts(education);
    const claim = await record(tokens.redcar, figure("stockton-sufficiency-2027", "placed-in-borough", stocktonDescription));
    expect(codes(claim.body)).toEqual(["FORBIDDEN"]);
    expect(claim.body.errors![0]!.message).toBe(
      `input.source.document: a new document of ${REDCAR} has a key starting "redcar-and-cleveland-" (its authority's name); "stockton-sufficiency-2027" does not name ${REDCAR}`,
    );
    // nor under Stockton's own prefix
    expect(codes((await record(tokens.redcar, figure("stockton-on-tees-sufficiency-2027", "placed-in-borough", stocktonDescription))).body)).toEqual(["FORBIDDEN"]);
    expect(await counts(education)).toEqual(before);

    const own = await record(tokens.stockton, figure("stockton-on-tees-sufficiency-2027", "placed-in-borough", stocktonDescription));
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.recordEducationLocalFigure.source.document.owner).toEqual({ kind: "AUTHORITY", authorityCode: STOCKTON });
  });

  it("every local authority's keys name it alone: the longest matching prefix decides (Dorset and Dorset (Pre LG))", async () => {
    const areas = await education.getRepository(OutcomeArea).findBy({ kind: "local-authority" });
    expect(areas.length).toBeGreaterThan(140); // the code lists are held whole, even with only the extract's figures
    expect(new Set(areas.map((a) => authorityKeyPrefix(a.name))).size).toBe(areas.length);
    for (const area of areas) expect(authorityNamedBy(areas, `${authorityKeyPrefix(area.name)}plan-2026`), area.name).toBe(area.code);
    expect(authorityKeyPrefix("Bristol, City of")).toBe("bristol-city-of-");
    const dorset = areas.find((a) => a.name === "Dorset")!;
    expect(authorityNamedBy(areas, "dorset-pre-lg-plan")).not.toBe(dorset.code);
    expect(authorityNamedBy(areas, "dorset-plan")).toBe(dorset.code);
    const asDorset = await record(await system.token({ role: "editor", authority: dorset.code }), figure("dorset-pre-lg-plan", "k", { title: "t", publisher: "Dorset Council" }));
    expect(codes(asDorset.body)).toEqual(["FORBIDDEN"]);
  });

  it("a new document is its creator's authority's, and stays so when its last figure is deleted: no takeover of an orphaned document", async () => {
    const key = "stockton-on-tees-test-placements-2026";
    const created = await record(tokens.stockton, figure(key, "only-figure", { title: "Placements review (test document)", publisher: "Stockton-on-Tees Borough Council" }));
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.recordEducationLocalFigure.source.document.owner).toEqual({ kind: "AUTHORITY", authorityCode: STOCKTON });
    expect((await education.getRepository(OutcomeDocument).findOneByOrFail({ key })).owner).toBe(STOCKTON);

    const deleted = await system.post(DELETE, { id: `${key}/only-figure` }, { token: tokens.stockton });
    expect(deleted.body.errors).toBeUndefined();
    expect(await education.getRepository(Figure).countBy({ documentKey: key })).toBe(0);

    const before = await counts(education);
    const takeover = await record(tokens.redcar, figure(key, "redcar-figure"));
    expect(codes(takeover.body)).toEqual(["FORBIDDEN"]);
    expect(takeover.body.errors![0]!.message).toContain(`is a document of ${STOCKTON}`);
    expect(await counts(education)).toEqual(before);

    const again = await record(tokens.stockton, figure(key, "only-figure"));
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.recordEducationLocalFigure.source.document.owner.authorityCode).toBe(STOCKTON);
  });

  // SQLite has no row locks: its writes take turns on its one connection (PlainErrorDataSource)
  if (database.kind === "mysql") it("MySQL/MariaDB: a write takes the document row FOR UPDATE, so it waits while another transaction holds it", async () => {
    // the same write unhindered first (twice: the path is warm), and how long it takes
    expect((await record(tokens.stockton, figure(STOCKTON_DOCUMENT, "warm-up"))).body.errors).toBeUndefined();
    const started = Date.now();
    expect((await record(tokens.stockton, figure(STOCKTON_DOCUMENT, "warm-up"))).body.errors).toBeUndefined();
    const took = Date.now() - started;
    const hold = 3_000; // well under the gateway's subgraph timeout (10 s), and many times the write
    expect(took * 3).toBeLessThan(hold);

    const holder = education.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query("SELECT `key` FROM source_document WHERE `key` = ? FOR UPDATE", [STOCKTON_DOCUMENT]);
      const write = record(tokens.stockton, figure(STOCKTON_DOCUMENT, "while-locked")).then((answer) => ({ answer, at: Date.now() }));
      await new Promise((resolve) => setTimeout(resolve, hold));
      expect(await education.getRepository(Figure).existsBy({ id: `${STOCKTON_DOCUMENT}/while-locked` })).toBe(false);
      const released = Date.now();
      await holder.commitTransaction();
      const { answer, at } = await write;
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      expect(at).toBeGreaterThanOrEqual(released); // it finished only once the row was free
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it("two authorities writing the same new document at once: its authority's editor owns it, only that figure lands", async () => {
    const key = "redcar-and-cleveland-test-contested-document";
    const description = { title: "Contested (test document)", publisher: "Tees Valley" };
    const answers = await Promise.all([
      ...[1, 2, 3].map(() => record(tokens.redcar, figure(key, "redcar", description))),
      ...[1, 2, 3].map(() => record(tokens.stockton, figure(key, "stockton", description))),
    ]);
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      if (body.errors) expect(["FORBIDDEN", "WRITE_CONFLICT"]).toContain(body.errors[0]!.extensions?.code);
    }
    for (const { body } of answers.slice(3)) expect(codes(body)).toEqual(["FORBIDDEN"]);
    expect(answers.slice(0, 3).some((a) => !a.body.errors)).toBe(true);
    expect((await education.getRepository(OutcomeDocument).findOneByOrFail({ key })).owner).toBe(REDCAR);
    const figures = await education.getRepository(Figure).findBy({ documentKey: key });
    expect(figures.map((f) => f.areaCode)).toEqual([REDCAR]);
  });

  it("seeds and the LAIT import set owners, and the owner is shown on every document: published, local, and in the plan subgraphs", async () => {
    const owners = Object.fromEntries((await education.getRepository(OutcomeDocument).find()).map((d) => [d.key, d.owner]));
    expect(owners["dfe-lait"]).toBe("published");
    for (const file of readLocalFigures(join(repoRoot, "seeds/education/local-figures"))) expect(owners[file.document.key], file.document.key).toBe(file.authorityCode);
    const care = system.services.get("care")!.dataSource;
    for (const document of await care.getRepository(OutcomeDocument).find()) {
      expect(document.owner, document.key).toBe(document.key === "dfe-lait" ? "published" : REDCAR);
    }

    const OWNER = "owner { kind authorityCode }";
    const { body } = await system.post<{
      authority: {
        education: { measures: Array<{ latest: { source: { document: { key: string; owner: Owner } } } | null }>; localFigures: Array<{ source: { document: { key: string; owner: Owner } } }> };
        priorities: Array<{ source: { document: { key: string; owner: Owner } } }>;
      };
    }>(
      `query { authority(code: "${REDCAR}") {
        education { measures(codes: ["FSP_NEW_GOODDEV"]) { latest { source { document { key ${OWNER} } } } } localFigures { source { document { key ${OWNER} } } } }
        priorities { source { document { key ${OWNER} } } }
      } }`,
      undefined,
      { token: tokens.redcar },
    );
    expect(body.errors).toBeUndefined();
    const { education: profile, priorities } = body.data!.authority;
    expect(profile.measures[0]!.latest!.source.document).toEqual({ key: "dfe-lait", owner: { kind: "PUBLISHED", authorityCode: null } });
    expect(profile.localFigures.length).toBeGreaterThan(0);
    for (const f of profile.localFigures) expect(f.source.document.owner).toEqual({ kind: "AUTHORITY", authorityCode: REDCAR });
    expect(priorities.length).toBeGreaterThan(0);
    for (const p of priorities) expect(p.source.document.owner).toEqual({ kind: "AUTHORITY", authorityCode: REDCAR });
  });

  it("a seed file for a document held as another authority's is refused, naming it, and nothing is loaded", async () => {
    const before = await counts(education);
    const stocktonFigures = await education.getRepository(Figure).countBy({ documentKey: STOCKTON_DOCUMENT, areaCode: STOCKTON });
    expect(stocktonFigures).toBeGreaterThan(0);
    const [file] = readLocalFigures(seeds).filter((f) => f.document.key === STOCKTON_DOCUMENT);
    const claim = { ...file!, authorityCode: REDCAR, figures: [{ ...figure(STOCKTON_DOCUMENT, "seeded-claim"), source: { section: "Placements" }, period: { label: "2025/26" } }] };
    await expect(loadLocalFigures(education, [claim])).rejects.toThrow(
      `document "${STOCKTON_DOCUMENT}": field "authorityCode": is ${REDCAR}, but the document is held as ${STOCKTON}'s; nothing was loaded`,
    );
    expect(await counts(education)).toEqual(before);
    expect(await education.getRepository(Figure).countBy({ documentKey: STOCKTON_DOCUMENT, areaCode: STOCKTON })).toBe(stocktonFigures);
  });
});

describe.each(databases)("the owner migration on $label", ({ database }) => {
  it("gives every document held before owners existed an owner from its figures or the audit log; ambiguous ones are unassigned", async () => {
    const scratch = await scratchDatabase(database, "owner_migration");
    const all = outcomeMigrations(scratch.url);
    const index = all.findIndex((m) => m.name.startsWith("DocumentOwner"));
    expect(index).toBeGreaterThan(0);
    const settings = { url: scratch.url, poolSize: 2, queueLimit: 10, queryTimeoutMs: 30_000 };
    try {
      // the schema as it was before: every migration up to the owner one
      const old = await openDataSource(settings, outcomeEntities, all.slice(0, index));
      try {
        await migrate(old.dataSource);
        const q = old.dataSource.options.type === "better-sqlite3" ? '"' : "`";
        const document = (key: string) =>
          old.dataSource.query(`INSERT INTO source_document (${q}key${q}, title, publisher) VALUES ('${key}', 'Title of ${key}', 'Publisher')`);
        const figureOf = (key: string, area: string, kind = "local") =>
          old.dataSource.query(
            `INSERT INTO figure (id, kind, ${q}areaCode${q}, ${q}periodLabel${q}, ${q}periodKind${q}, ${q}documentKey${q}, ${q}sourceDocument${q}, ${q}sourceSection${q}) VALUES ('${key}/${area}/${kind}', '${kind}', '${area}', '2024', 'unknown', '${key}', '${key}', 's')`,
          );
        const created = (key: string, area: string) =>
          old.dataSource.query(
            `INSERT INTO audit_entry (id, at, actor, role, ${q}authorityCode${q}, operation, ${q}entityType${q}, ${q}entityId${q}, ${q}before${q}, ${q}after${q}) VALUES ('${key}-audit', '2026-01-01T00:00:00.000Z', 'editor', 'editor', '${area}', 'recordEducationLocalFigure', 'SourceDocument', '${key}', NULL, '{}')`,
          );
        for (const key of ["dfe-lait", "redcar-only", "two-authorities", "orphan-created-by-stockton", "orphan-unknown", "published-and-local"]) await document(key);
        await figureOf("dfe-lait", REDCAR, "published");
        await figureOf("redcar-only", REDCAR);
        await figureOf("two-authorities", REDCAR);
        await figureOf("two-authorities", STOCKTON);
        await created("orphan-created-by-stockton", STOCKTON);
        await figureOf("published-and-local", REDCAR, "published");
        await figureOf("published-and-local", STOCKTON);
      } finally {
        await old.dataSource.destroy();
      }

      const current = await openDataSource(settings, outcomeEntities, all);
      try {
        expect((await migrate(current.dataSource)).length).toBe(all.length - index);
        const owners = Object.fromEntries((await current.dataSource.getRepository(OutcomeDocument).find()).map((d) => [d.key, d.owner]));
        expect(owners).toEqual({
          "dfe-lait": "published",
          "redcar-only": REDCAR,
          "two-authorities": "unassigned",
          "orphan-created-by-stockton": STOCKTON,
          "orphan-unknown": "unassigned",
          "published-and-local": "unassigned",
        });
        // and the documents' other columns came through
        expect(await current.dataSource.getRepository(OutcomeDocument).findOneByOrFail({ key: "redcar-only" })).toMatchObject({ title: "Title of redcar-only", publisher: "Publisher" });
      } finally {
        await current.dataSource.destroy();
      }
    } finally {
      await scratch.drop();
    }
  });
});
