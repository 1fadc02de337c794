/**
 * An editor records (and deletes) a local figure of their own authority in the education
 * and care subgraphs, each started for real (HTTP, signed identity, its own migrated and
 * seeded database), called as the gateway would call it. The authority always comes from
 * the signed identity; every write lands with its audit entry in one transaction, or not
 * at all; the audit log is read through entity resolution (`_entities` on Authority).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IsNull, Not, type DataSource } from "typeorm";
import { startService, type RunningService } from "@tees/subgraph-common/start-service";
import { ANONYMOUS, type Identity } from "@tees/subgraph-common/signed-identity";
import { AuditEntry, Figure, Measure, OutcomeDocument } from "@tees/outcomes/entities";
import { outcomeConfig } from "../subgraphs/outcomes/src/config";
import { outcomeDeployment } from "../subgraphs/outcomes/src/deployments";
import { outcomeService } from "../subgraphs/outcomes/src/service-definition";
import { databases } from "./support/matrix";
import { scratchDatabase, type ScratchDatabase } from "./support/mysql";
import { admin, analyst, callSubgraph, editorOf, testSecret } from "./support/signed";
import { EXTRACT_LAIT_ENV, type GraphQLResponse } from "./support/system";

const REDCAR = "E06000003";
const STOCKTON = "E06000004";
/** a Redcar document the education seed holds local figures of */
const SEEDED_REDCAR_DOCUMENT = "redcar-cypf-strategy-2024-2027";

interface FigureResult {
  id: string;
  kind: string;
  label: string | null;
  value: number | null;
  unit: string | null;
  period: { label: string; start: string | null; end: string | null; startYear: number | null; endYear: number | null };
  source: { section: string; quote: string | null; document: { key: string; title: string; publisher: string; asAt: string | null } };
}
interface AuditResult {
  operation: string;
  entityType: string;
  entityId: string;
  actor: string;
  role: string;
  authorityCode: string;
  before: string | null;
  after: string | null;
}

const FIGURE_FIELDS = /* GraphQL */ `id kind label value unit period { label start end startYear endYear } source { section quote document { key title publisher asAt } }`;

type Subgraph = "education" | "care";
const cap = (name: Subgraph) => (name === "education" ? "Education" : "Care");
const recordMutation = (name: Subgraph) =>
  `mutation Record($input: LocalFigureInput!) { record${cap(name)}LocalFigure(input: $input) { ${FIGURE_FIELDS} } }`;
const deleteMutation = (name: Subgraph) => `mutation Delete($id: ID!) { delete${cap(name)}LocalFigure(id: $id) }`;
const profileQuery = (name: Subgraph, measureCode: string) => /* GraphQL */ `
  query Profile($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Authority { code ${name} { localFigures { ${FIGURE_FIELDS} } measures(codes: ["${measureCode}"]) { measure { code } figures { id kind value } latest { kind } } } }
    }
  }`;
const auditQuery = (name: Subgraph) => /* GraphQL */ `
  query Audit($reps: [_Any!]!, $limit: Int) {
    _entities(representations: $reps) {
      ... on Authority { code ${name}AuditLog(limit: $limit) { operation entityType entityId actor role authorityCode before after } }
    }
  }`;
const reps = (...codes: string[]) => codes.map((code) => ({ __typename: "Authority", code }));

interface NewFigure {
  key: string;
  measureCode?: string | null;
  label: string;
  value: number | null;
  unit: string;
  period: { label: string; start?: string; end?: string };
  source: { document: string; section: string; quote?: string; newDocument?: { title: string; publisher: string; asAt?: string | null; asAtText?: string | null } };
}

/** a figure from a (test) document of the authority; the document is described, so it may be new */
const figure = (overrides: Partial<NewFigure> = {}): NewFigure => ({
  key: "gld-percent-2025",
  measureCode: "FSP_NEW_GOODDEV",
  label: "Children achieving a good level of development (% of cohort)",
  value: 68.2,
  unit: "% of cohort",
  period: { label: "2024/25", start: "2024-09", end: "2025-07-31" },
  source: {
    document: "redcar-and-cleveland-test-school-readiness-update-2025",
    section: "Headline measures",
    quote: "68.2% of children reached a good level of development",
    newDocument: { title: "School readiness update 2025 (test document)", publisher: "Redcar and Cleveland Borough Council", asAt: "2025-09" },
  },
  ...overrides,
});

interface Subject {
  service: RunningService;
  secret: string;
  scratch: ScratchDatabase;
}

async function start(name: Subgraph, database: (typeof databases)[number]["database"]): Promise<Subject> {
  const scratch = await scratchDatabase(database, `lf_${name}`);
  const secret = testSecret();
  const env = { DATABASE_URL: scratch.url, ...EXTRACT_LAIT_ENV };
  const definition = outcomeService(outcomeConfig(outcomeDeployment(name), env));
  try {
    const service = await startService(definition, {
      port: 0,
      host: "127.0.0.1",
      migrateOnStart: true,
      seedOnStart: "always",
      signing: { secrets: [secret], maxSkewMs: 30_000 },
    });
    return { service, secret, scratch };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/** what a write may change: every count, and a fingerprint of the published figures */
async function snapshot(dataSource: DataSource) {
  const [published] = await dataSource
    .getRepository(Figure)
    .createQueryBuilder("f")
    .select("COUNT(*)", "n")
    .addSelect("SUM(f.value)", "sum")
    .addSelect("COUNT(f.value)", "withValue")
    .addSelect("MAX(f.id)", "lastId")
    .where("f.kind = :kind", { kind: "published" })
    .getRawMany<{ n: number | string; sum: number | string; withValue: number | string; lastId: string }>();
  return {
    figures: await dataSource.getRepository(Figure).count(),
    local: await dataSource.getRepository(Figure).countBy({ kind: "local" }),
    documents: await dataSource.getRepository(OutcomeDocument).count(),
    audit: await dataSource.getRepository(AuditEntry).count(),
    published: { n: Number(published!.n), sum: Number(published!.sum).toFixed(6), withValue: Number(published!.withValue), lastId: published!.lastId },
  };
}

const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

/** on SQLite and MySQL/MariaDB: fails the audit insert of a Figure, i.e. after the figure itself was written */
async function withFailingFigureAudit<T>(dataSource: DataSource, run: () => Promise<T>): Promise<T> {
  const mysql = dataSource.options.type !== "better-sqlite3";
  await dataSource.query(
    mysql
      ? "CREATE TRIGGER test_fail_figure_audit BEFORE INSERT ON audit_entry FOR EACH ROW BEGIN IF NEW.entityType = 'Figure' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'forced failure'; END IF; END"
      : "CREATE TRIGGER test_fail_figure_audit BEFORE INSERT ON audit_entry WHEN NEW.entityType = 'Figure' BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
  );
  try {
    return await run();
  } finally {
    await dataSource.query("DROP TRIGGER test_fail_figure_audit");
  }
}

describe.each(databases)("local figures on $label", ({ database }) => {
  let education: Subject;
  let care: Subject;
  let publishedAtStart: { education: Awaited<ReturnType<typeof snapshot>>["published"]; care: Awaited<ReturnType<typeof snapshot>>["published"] };

  const call = <T = Record<string, unknown>>(subject: Subject, identity: Identity, query: string, variables?: Record<string, unknown>) =>
    callSubgraph<T>(subject.service, subject.secret, identity, query, variables);
  const record = (identity: Identity, input: unknown, subject: Subgraph = "education") =>
    call<Record<string, FigureResult>>(subject === "education" ? education : care, identity, recordMutation(subject), { input });

  beforeAll(async () => {
    [education, care] = await Promise.all([start("education", database), start("care", database)]);
    publishedAtStart = { education: (await snapshot(education.service.dataSource)).published, care: (await snapshot(care.service.dataSource)).published };
  });
  afterAll(async () => {
    for (const subject of [education, care]) {
      if (!subject) continue;
      await subject.service.close().catch(() => undefined);
      await subject.scratch.drop().catch(() => undefined);
    }
  });

  it("an editor records a figure for their own authority; it is read back with its source, beside the published series, and audited", async () => {
    const before = await snapshot(education.service.dataSource);
    const { status, body } = await record(editorOf(REDCAR), figure());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const recorded = body.data!.recordEducationLocalFigure!;
    expect(recorded).toMatchObject({
      id: "redcar-and-cleveland-test-school-readiness-update-2025/gld-percent-2025",
      kind: "LOCAL",
      value: 68.2,
      period: { label: "2024/25", start: "2024-09", end: "2025-07-31", startYear: 2024, endYear: 2025 },
      source: { section: "Headline measures", document: { key: "redcar-and-cleveland-test-school-readiness-update-2025", title: "School readiness update 2025 (test document)", asAt: "2025-09" } },
    });
    // one figure, one new document, two audit entries (document and figure); nothing else
    expect(await snapshot(education.service.dataSource)).toEqual({ ...before, figures: before.figures + 1, local: before.local + 1, documents: before.documents + 1, audit: before.audit + 2 });

    // read back through entity resolution, as the gateway would: local figures and the measure's series
    const read = await call<{ _entities: Array<{ code: string; education: { localFigures: FigureResult[]; measures: Array<{ measure: { code: string }; figures: Array<{ id: string; kind: string; value: number | null }>; latest: { kind: string } | null }> } }> }>(
      education, analyst, profileQuery("education", "FSP_NEW_GOODDEV"), { reps: reps(REDCAR, STOCKTON) },
    );
    expect(read.body.errors).toBeUndefined();
    const [redcar, stockton] = read.body.data!._entities;
    expect(redcar!.education.localFigures.find((f) => f.id === recorded.id)).toEqual(recorded);
    const series = redcar!.education.measures[0]!;
    expect(series.figures.filter((f) => f.kind === "PUBLISHED").length).toBeGreaterThan(3);
    expect(series.figures).toContainEqual({ id: recorded.id, kind: "LOCAL", value: 68.2 });
    expect(series.latest?.kind).toBe("PUBLISHED"); // a local figure never stands in for the published one
    expect(stockton!.education.localFigures.map((f) => f.id)).not.toContain(recorded.id);

    const audit = await call<{ _entities: Array<{ educationAuditLog: AuditResult[] }> }>(education, editorOf(REDCAR), auditQuery("education"), { reps: reps(REDCAR), limit: 2 });
    expect(audit.body.errors).toBeUndefined();
    // the two entries of one write may share a millisecond, and the log then orders them by id: find each by type
    const entries = audit.body.data!._entities[0]!.educationAuditLog;
    const figureEntry = entries.find((e) => e.entityType === "Figure");
    const documentEntry = entries.find((e) => e.entityType === "SourceDocument");
    expect(figureEntry).toMatchObject({ operation: "recordEducationLocalFigure", entityType: "Figure", entityId: recorded.id, actor: `editor@${REDCAR}`, role: "editor", authorityCode: REDCAR, before: null });
    expect(JSON.parse(figureEntry!.after!)).toMatchObject({ id: recorded.id, kind: "local", areaCode: REDCAR, value: 68.2, measureCode: "FSP_NEW_GOODDEV" });
    expect(documentEntry).toMatchObject({ entityType: "SourceDocument", entityId: "redcar-and-cleveland-test-school-readiness-update-2025", before: null });
  });

  it("recording again with the same document and key replaces the figure (create or replace), audited with before and after; a missing value is null, not 0", async () => {
    const before = await snapshot(education.service.dataSource);
    const { body } = await record(editorOf(REDCAR), figure({ value: null, label: "Good level of development (not yet published)", source: { ...figure().source, newDocument: undefined } }));
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordEducationLocalFigure).toMatchObject({ value: null, label: "Good level of development (not yet published)" });
    const row = await education.service.dataSource.getRepository(Figure).findOneByOrFail({ id: "redcar-and-cleveland-test-school-readiness-update-2025/gld-percent-2025" });
    expect(row.value).toBeNull();
    expect(await snapshot(education.service.dataSource)).toEqual({ ...before, audit: before.audit + 1 });
    const entry = await education.service.dataSource
      .getRepository(AuditEntry)
      .findOneBy({ authorityCode: REDCAR, entityId: "redcar-and-cleveland-test-school-readiness-update-2025/gld-percent-2025", before: Not(IsNull()) });
    expect(JSON.parse(entry!.before!)).toMatchObject({ value: 68.2 });
    expect(JSON.parse(entry!.after!)).toMatchObject({ value: null });
  });

  it("the authority is the identity's: another editor's figure goes to their own authority, and there is no argument to name one", async () => {
    const input = figure({ key: "gld-percent-2025", source: { ...figure().source, document: "stockton-on-tees-test-early-years-report-2025", newDocument: { title: "Early years report (test document)", publisher: "Stockton-on-Tees Borough Council" } } });
    const { body } = await record(editorOf(STOCKTON), input);
    expect(body.errors).toBeUndefined();
    const row = await education.service.dataSource.getRepository(Figure).findOneByOrFail({ id: "stockton-on-tees-test-early-years-report-2025/gld-percent-2025" });
    expect(row.areaCode).toBe(STOCKTON);

    // naming an authority is not part of the input: refused before anything runs
    const before = await snapshot(education.service.dataSource);
    const named = await record(editorOf(STOCKTON), { ...input, key: "named", authorityCode: REDCAR });
    expect(named.body.data ?? null).toBeNull();
    expect(named.body.errors?.[0]?.message).toMatch(/authorityCode/);
    const asArgument = await call(education, editorOf(STOCKTON), `mutation { recordEducationLocalFigure(authority: "${REDCAR}", input: { key: "x", label: "x", unit: "x", period: { label: "x" }, source: { document: "x", section: "x" } }) { id } }`);
    expect(asArgument.body.errors?.[0]?.message).toMatch(/Unknown argument "authority"/);

    // nor can another authority's document or figure be written to
    const intoRedcarDocument = await record(editorOf(STOCKTON), figure({ key: "gld-percent", source: { document: SEEDED_REDCAR_DOCUMENT, section: "Measure of success" } }));
    expect(codes(intoRedcarDocument.body)).toEqual(["FORBIDDEN"]);
    expect(intoRedcarDocument.body.errors![0]!.message).toContain(`a document of ${REDCAR}`);
    const intoNewRedcarDocument = await record(editorOf(STOCKTON), figure({ key: "other", source: { ...figure().source, newDocument: undefined } }));
    expect(codes(intoNewRedcarDocument.body)).toEqual(["FORBIDDEN"]);
    expect(await snapshot(education.service.dataSource)).toEqual(before);
    expect((await education.service.dataSource.getRepository(Figure).findOneByOrFail({ id: `${SEEDED_REDCAR_DOCUMENT}/gld-percent` })).value).toBe(66.9);
  });

  it("invalid input is refused with BAD_USER_INPUT naming the field, and changes nothing", async () => {
    const before = await snapshot(education.service.dataSource);
    const cases: Array<[unknown, string]> = [
      [figure({ period: { label: "2024/25", start: "2024-13" } }), "input.period.start: must be YYYY, YYYY-MM or YYYY-MM-DD"],
      [figure({ period: { label: "2024/25", start: "2024/25" } }), "input.period.start: must be YYYY, YYYY-MM or YYYY-MM-DD"],
      [figure({ period: { label: "2024/25", start: "2025-02-30" } }), "input.period.start: must be YYYY, YYYY-MM or YYYY-MM-DD"],
      [figure({ period: { label: "2024/25", start: "2025", end: "2024-12" } }), "input.period.end: must not be before start"],
      [figure({ period: { label: "  " } }), "input.period.label: must not be empty"],
      [figure({ key: "GLD Percent" }), "input.key: must be lower-case words joined by hyphens"],
      [figure({ label: "" }), "input.label: must not be empty"],
      [figure({ label: "x".repeat(301) }), "input.label: must be at most 300 characters"],
      [figure({ measureCode: "NO_SUCH_MEASURE" }), 'input.measureCode: "NO_SUCH_MEASURE" is not a measure this subgraph holds'],
      [figure({ source: { document: "Not A Slug", section: "s" } }), "input.source.document: must be lower-case words joined by hyphens"],
      [figure({ source: { document: "dfe-lait", section: "s" } }), "input.source.document: is the published DfE dataset"],
      [figure({ source: { document: "test-never-described", section: "s" } }), 'input.source.newDocument: document "test-never-described" is not held yet'],
      [figure({ source: { ...figure().source, newDocument: { title: "Another title", publisher: "Redcar and Cleveland Borough Council" } } }), "input.source.newDocument: document \"redcar-and-cleveland-test-school-readiness-update-2025\" is already held with a different description"],
      [figure({ source: { ...figure().source, newDocument: { title: "t", publisher: "p", asAt: "as at March" } } }), "input.source.newDocument.asAt: must be YYYY, YYYY-MM or YYYY-MM-DD"],
    ];
    for (const [input, message] of cases) {
      const { body } = await record(editorOf(REDCAR), input);
      expect(codes(body), message).toEqual(["BAD_USER_INPUT"]);
      expect(body.errors![0]!.message).toContain(message);
      expect(body.data ?? null).toBeNull();
    }
    // every problem is named at once
    const several = await record(editorOf(REDCAR), figure({ key: "Bad", unit: "", period: { label: "x", end: "soon" } }));
    expect(several.body.errors![0]!.extensions?.fields).toEqual(["input.key", "input.unit", "input.period.end"]);
    // the one BAD_USER_INPUT shape of every write (input-errors.ts): the first field, and every problem with its message
    expect(several.body.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.key",
      problems: [
        { field: "input.key", message: expect.stringMatching(/^must be lower-case words joined by hyphens/) },
        { field: "input.unit", message: "must not be empty" },
        { field: "input.period.end", message: "must be YYYY, YYYY-MM or YYYY-MM-DD (a real date)" },
      ],
    });
    expect(await snapshot(education.service.dataSource)).toEqual(before);
  });

  it("a measure of the other subgraph is not one this subgraph holds", async () => {
    const careMeasure = await care.service.dataSource.getRepository(Measure).findOneOrFail({ where: {}, order: { code: "ASC" } });
    expect(await education.service.dataSource.getRepository(Measure).existsBy({ code: careMeasure.code })).toBe(false);
    const { body } = await record(editorOf(REDCAR), figure({ key: "care-measure", measureCode: careMeasure.code }));
    expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
    expect(body.errors![0]!.message).toContain("input.measureCode:");
  });

  it("a transaction that fails after the figure is written leaves nothing: no figure, no document, no audit entry", async () => {
    const dataSource = education.service.dataSource;
    const before = await snapshot(dataSource);
    const input = figure({ key: "will-fail", source: { ...figure().source, document: "redcar-and-cleveland-test-failing-document", newDocument: { title: "Failing (test document)", publisher: "Redcar and Cleveland Borough Council" } } });
    const { body } = await withFailingFigureAudit(dataSource, () => record(editorOf(REDCAR), input));
    expect(codes(body)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(body.errors![0]!.message).toBe("Internal error"); // no SQL reaches the caller
    expect(await snapshot(dataSource)).toEqual(before);
    expect(await dataSource.getRepository(OutcomeDocument).existsBy({ key: "redcar-and-cleveland-test-failing-document" })).toBe(false);
    // and the same write succeeds once nothing forces it to fail
    expect((await record(editorOf(REDCAR), input)).body.errors).toBeUndefined();
    expect(await snapshot(dataSource)).toEqual({ ...before, figures: before.figures + 1, local: before.local + 1, documents: before.documents + 1, audit: before.audit + 2 });
  });

  it("the audit log is read through entity resolution by the authority's editors and admins only", async () => {
    type Audit = { _entities: Array<{ code: string; educationAuditLog: AuditResult[] | null }> };
    const own = await call<Audit>(education, editorOf(REDCAR), auditQuery("education"), { reps: reps(REDCAR) });
    expect(own.body.errors).toBeUndefined();
    const log = own.body.data!._entities[0]!.educationAuditLog!;
    expect(log.length).toBeGreaterThanOrEqual(4);
    expect(log.every((e) => e.authorityCode === REDCAR)).toBe(true);
    expect(log.map((e) => e.entityId)).not.toContain("stockton-on-tees-test-early-years-report-2025/gld-percent-2025");

    const byAdmin = await call<Audit>(education, admin, auditQuery("education"), { reps: reps(REDCAR, STOCKTON) });
    expect(byAdmin.body.errors).toBeUndefined();
    expect(byAdmin.body.data!._entities[0]!.educationAuditLog).toEqual(log);
    expect(byAdmin.body.data!._entities[1]!.educationAuditLog!.map((e) => e.authorityCode)).toEqual([STOCKTON, STOCKTON]);

    // another authority's editor: Redcar's log is refused, their own is given
    const other = await call<Audit>(education, editorOf(STOCKTON), auditQuery("education"), { reps: reps(REDCAR, STOCKTON) });
    expect(other.body.data!._entities[0]!.educationAuditLog).toBeNull();
    expect(other.body.data!._entities[1]!.educationAuditLog!.length).toBe(2);
    expect(other.body.errors!.map((e) => [e.extensions?.code, e.path])).toEqual([["FORBIDDEN", ["_entities", 0, "educationAuditLog"]]]);

    const byAnalyst = await call<Audit>(education, analyst, auditQuery("education"), { reps: reps(REDCAR) });
    expect(byAnalyst.body.data!._entities[0]!.educationAuditLog).toBeNull();
    expect(codes(byAnalyst.body)).toEqual(["FORBIDDEN"]);
    const anonymous = await call<Audit>(education, ANONYMOUS, auditQuery("education"), { reps: reps(REDCAR) });
    expect(codes(anonymous.body)).toEqual(["UNAUTHENTICATED"]);

    const badLimit = await call<Audit>(education, admin, auditQuery("education"), { reps: reps(REDCAR), limit: 0 });
    expect(badLimit.body.errors![0]!.message).toContain("limit: must be a whole number from 1 to 500");
  });

  it("analysts, admins and anonymous callers cannot write", async () => {
    const before = await snapshot(education.service.dataSource);
    const input = figure({ key: "not-an-editor" });
    expect(codes((await record(analyst, input)).body)).toEqual(["FORBIDDEN"]);
    expect(codes((await record(admin, input)).body)).toEqual(["FORBIDDEN"]);
    expect(codes((await record(ANONYMOUS, input)).body)).toEqual(["UNAUTHENTICATED"]);
    const id = "redcar-and-cleveland-test-school-readiness-update-2025/gld-percent-2025";
    expect(codes((await call(education, analyst, deleteMutation("education"), { id })).body)).toEqual(["FORBIDDEN"]);
    expect(codes((await call(education, ANONYMOUS, deleteMutation("education"), { id })).body)).toEqual(["UNAUTHENTICATED"]);
    // and an unsigned call does not reach the resolvers at all
    expect((await callSubgraph(education.service, null, editorOf(REDCAR), recordMutation("education"), { input })).status).toBe(401);
    expect(await snapshot(education.service.dataSource)).toEqual(before);
  });

  it("an editor deletes their own local figure, never another authority's nor a published one", async () => {
    const dataSource = education.service.dataSource;
    const published = await dataSource.getRepository(Figure).findOneOrFail({ where: { kind: "published", areaCode: REDCAR }, order: { id: "ASC" } });
    const stocktonFigure = "stockton-on-tees-test-early-years-report-2025/gld-percent-2025";
    const before = await snapshot(dataSource);

    const ofPublished = await call(education, editorOf(REDCAR), deleteMutation("education"), { id: published.id });
    expect(codes(ofPublished.body)).toEqual(["FORBIDDEN"]);
    expect(ofPublished.body.errors![0]!.message).toContain("published (DfE LAIT) figure");
    const ofOther = await call(education, editorOf(REDCAR), deleteMutation("education"), { id: stocktonFigure });
    expect(codes(ofOther.body)).toEqual(["FORBIDDEN"]);
    const seeded = await call(education, editorOf(STOCKTON), deleteMutation("education"), { id: `${SEEDED_REDCAR_DOCUMENT}/gld-percent` });
    expect(codes(seeded.body)).toEqual(["FORBIDDEN"]);
    const missing = await call(education, editorOf(REDCAR), deleteMutation("education"), { id: "no/such-figure" });
    expect(codes(missing.body)).toEqual(["BAD_USER_INPUT"]);
    expect(await snapshot(dataSource)).toEqual(before);

    const id = "redcar-and-cleveland-test-school-readiness-update-2025/gld-percent-2025";
    const deleted = await call<{ deleteEducationLocalFigure: string }>(education, editorOf(REDCAR), deleteMutation("education"), { id });
    expect(deleted.body.errors).toBeUndefined();
    expect(deleted.body.data!.deleteEducationLocalFigure).toBe(id);
    expect(await dataSource.getRepository(Figure).existsBy({ id })).toBe(false);
    expect(await snapshot(dataSource)).toEqual({ ...before, figures: before.figures - 1, local: before.local - 1, audit: before.audit + 1 });
    const entry = await dataSource.getRepository(AuditEntry).findOneBy({ authorityCode: REDCAR, operation: "deleteEducationLocalFigure" });
    expect(entry).toMatchObject({ operation: "deleteEducationLocalFigure", entityType: "Figure", entityId: id, after: null });
    expect(JSON.parse(entry!.before!)).toMatchObject({ id, areaCode: REDCAR });
  });

  it("care: the same writes under care's names, with care's measures and its own audit log", async () => {
    const careMeasure = await care.service.dataSource.getRepository(Measure).findOneOrFail({ where: {}, order: { code: "ASC" } });
    const input = figure({
      key: "care-figure",
      measureCode: careMeasure.code,
      label: "Children in our care (test figure)",
      value: 12,
      unit: "children",
      source: { document: "redcar-and-cleveland-test-care-report-2025", section: "Summary", newDocument: { title: "Care report (test document)", publisher: "Redcar and Cleveland Borough Council" } },
    });
    const before = await snapshot(care.service.dataSource);
    const recorded = await record(editorOf(REDCAR), input, "care");
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data!.recordCareLocalFigure).toMatchObject({ id: "redcar-and-cleveland-test-care-report-2025/care-figure", kind: "LOCAL", value: 12 });
    expect(await snapshot(care.service.dataSource)).toEqual({ ...before, figures: before.figures + 1, local: before.local + 1, documents: before.documents + 1, audit: before.audit + 2 });

    const education_ = await record(editorOf(REDCAR), figure({ key: "edu", measureCode: "FSP_NEW_GOODDEV" }), "care");
    expect(education_.body.errors![0]!.message).toContain("input.measureCode:");

    const read = await call<{ _entities: Array<{ care: { localFigures: FigureResult[]; measures: Array<{ figures: Array<{ id: string; kind: string; value: number | null }> }> } }> }>(
      care, analyst, profileQuery("care", careMeasure.code), { reps: reps(REDCAR) },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!._entities[0]!.care.localFigures.map((f) => f.id)).toContain("redcar-and-cleveland-test-care-report-2025/care-figure");
    expect(read.body.data!._entities[0]!.care.measures[0]!.figures).toContainEqual({ id: "redcar-and-cleveland-test-care-report-2025/care-figure", kind: "LOCAL", value: 12 });

    const audit = await call<{ _entities: Array<{ careAuditLog: AuditResult[] | null }> }>(care, editorOf(REDCAR), auditQuery("care"), { reps: reps(REDCAR) });
    expect(audit.body.data!._entities[0]!.careAuditLog!.map((e) => `${e.operation} ${e.entityType}`).sort()).toEqual([
      "recordCareLocalFigure Figure",
      "recordCareLocalFigure SourceDocument",
    ]);
    expect(codes((await call(care, editorOf(STOCKTON), auditQuery("care"), { reps: reps(REDCAR) })).body)).toEqual(["FORBIDDEN"]);

    const deleted = await call(care, editorOf(STOCKTON), deleteMutation("care"), { id: "redcar-and-cleveland-test-care-report-2025/care-figure" });
    expect(codes(deleted.body)).toEqual(["FORBIDDEN"]);
  });

  it("concurrent first records of one figure: one lands, the others are told to try again (WRITE_CONFLICT), nothing half-written", async () => {
    const before = await snapshot(education.service.dataSource);
    const input = figure({ key: "concurrent-first-record", source: { ...figure().source, document: "redcar-and-cleveland-test-concurrent-document" } });
    const answers = await Promise.all(Array.from({ length: 6 }, () => record(editorOf(REDCAR), input)));
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      if (body.errors) expect(body.errors.map((e) => e.extensions?.code)).toEqual(["WRITE_CONFLICT"]);
    }
    const landed = answers.filter((a) => !a.body.errors).length;
    expect(landed).toBeGreaterThanOrEqual(1);
    const after = await snapshot(education.service.dataSource);
    // one figure and one document; a record that replaced the first one adds an audit entry of its own
    expect({ ...after, audit: 0 }).toEqual({ ...before, figures: before.figures + 1, local: before.local + 1, documents: before.documents + 1, audit: 0 });
    expect(after.audit).toBe(before.audit + 2 + (landed - 1));
  });

  it("published figures are exactly as seeded after every write", async () => {
    expect((await snapshot(education.service.dataSource)).published).toEqual(publishedAtStart.education);
    expect((await snapshot(care.service.dataSource)).published).toEqual(publishedAtStart.care);
  });
});
