/**
 * Writes to an outcomes subgraph (education, care): an editor records or deletes a local
 * figure of their OWN authority. Shared by both subgraphs; only the mutation names differ.
 *
 * Order, always: who (the signed identity: editors only, and only for the authority the
 * identity carries; it is never an argument), then the input (every field checked, each
 * error naming its field, nothing read or written yet), then ONE transaction that checks
 * what the database holds, writes, and records the audit entry with the same manager:
 * the write and its audit entry land together or not at all.
 *
 * Record is create-or-replace by (source document key, figure key): the figure's id is
 * "<document key>/<key>", as a seed file's figure gets. Every document has an owner (a column:
 * the authority whose seed file or editor created it, or "published" for the DfE dataset), and
 * only the owner's editors add figures to it, whether or not any figures cite it now. A document
 * an editor creates has a key that starts with its authority's name (redcar-and-cleveland-...),
 * so no authority can take the keys another would use. Published
 * (LAIT) figures are never written, and only local figures of the editor's authority can be
 * replaced or deleted.
 */
import { GraphQLError } from "graphql";
import { z } from "zod";
import { recordAudit } from "@tees/subgraph-common/audit/record";
import { badInput } from "@tees/subgraph-common/input-errors";
import { forbidden, requireEditorOf } from "@tees/subgraph-common/authorization";
import type { Identity } from "@tees/subgraph-common/signed-identity";
import { Figure, OutcomeDocument, PUBLISHED_OWNER, UNASSIGNED_OWNER } from "./entities";
import { keyNamingProblem, lockDocument, writeTransaction } from "./documents";
import { LAIT_DOCUMENT_KEY } from "./lait";
import { localFigureRow } from "./local-figures";
import { partialDate } from "@tees/subgraph-common/seed-schema";
import type { OutcomeContext } from "./loaders";

type Maybe<T> = T | null | undefined;

/** `LocalFigureInput` as GraphQL hands it over (shape checked by GraphQL, content checked here). */
export interface LocalFigureInput {
  key: string;
  measureCode?: Maybe<string>;
  label: string;
  value?: Maybe<number>;
  unit: string;
  period: { label: string; start?: Maybe<string>; end?: Maybe<string> };
  source: {
    document: string;
    section: string;
    quote?: Maybe<string>;
    newDocument?: Maybe<{ title: string; publisher: string; location?: Maybe<string>; asAt?: Maybe<string>; asAtText?: Maybe<string> }>;
  };
}


/** Editors only, acting for the authority their identity carries. */
function requireEditor(identity: Identity) {
  return requireEditorOf(identity, identity.authority ?? "an authority");
}

// ---- input checks: zod, with the messages a caller can act on ------------------------------

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = (max: number) =>
  z.string().regex(SLUG, "must be lower-case words joined by hyphens (a-z, 0-9, -)").max(max, `must be at most ${max} characters`);
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).nullish().transform((v) => v ?? null);

const optionalDate = partialDate.nullish().transform((v) => v ?? null);

/** the first day a partial date can mean, and the last: "2024" is 2024-01-01 to 2024-12-31 */
const earliest = (d: string) => (d + "-01-01").slice(0, 10);
const latest = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

const MAX_DOCUMENT_KEY = 120; // source_document.key
const MAX_FIGURE_KEY = 191 - MAX_DOCUMENT_KEY - 1; // figure.id is "<document>/<key>", at most 191

const localFigureInput = z.object({
  key: slug(MAX_FIGURE_KEY),
  measureCode: optionalText(64),
  label: text(300),
  value: z.number().nullish().transform((v) => v ?? null),
  unit: text(100),
  period: z
    .object({ label: text(60), start: optionalDate, end: optionalDate })
    .refine((p) => !p.start || !p.end || earliest(p.start) <= latest(p.end), { message: "must not be before start", path: ["end"] }),
  source: z.object({
    document: slug(MAX_DOCUMENT_KEY).refine((key) => key !== LAIT_DOCUMENT_KEY, "is the published DfE dataset: a local figure cites the authority's own document"),
    section: text(300),
    quote: optionalText(5000),
    newDocument: z
      .object({ title: text(300), publisher: text(200), location: optionalText(300), asAt: optionalDate, asAtText: optionalText(100) })
      .nullish()
      .transform((v) => v ?? null),
  }),
});
export type ValidLocalFigure = z.output<typeof localFigureInput>;

/** Every problem with the input, each named by its field (input.period.start: ...); throws BAD_USER_INPUT. */
export function validateLocalFigure(input: LocalFigureInput): ValidLocalFigure {
  const parsed = localFigureInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ field: ["input", ...issue.path.map(String)].join("."), message: issue.message }));
  throw new GraphQLError(problems.map((p) => `${p.field}: ${p.message}`).join("; "), {
    extensions: { code: "BAD_USER_INPUT", field: problems[0]!.field, fields: problems.map((p) => p.field) },
  });
}

// ---- the writes -----------------------------------------------------------------------------

/** a figure as the audit log keeps it */
const snapshot = (figure: Figure) => ({ ...figure, source: { ...figure.source } });

/** FORBIDDEN unless the document is the editor's authority's own (orphaned documents too: ownership never lapses) */
function requireOwnDocument(document: OutcomeDocument, authorityCode: string) {
  const refused = `input.source.document: "${document.key}"`;
  if (document.owner === PUBLISHED_OWNER) throw forbidden(`${refused} is a published dataset; a local figure cites the authority's own document`);
  if (document.owner === UNASSIGNED_OWNER) {
    throw forbidden(`${refused} has no owner (figures of several authorities cited it when owners were introduced); an operator must assign it before anyone adds figures`);
  }
  if (document.owner !== authorityCode) throw forbidden(`${refused} is a document of ${document.owner}; an editor of ${authorityCode} cannot add figures to it`);
}

const sameDocument = (held: OutcomeDocument, given: NonNullable<ValidLocalFigure["source"]["newDocument"]>) =>
  held.title === given.title && held.publisher === given.publisher && held.location === given.location && held.asAt === given.asAt && held.asAtText === given.asAtText;

/** The reads of this request must see the write (a later field in the same operation). */
function forgetCached(context: OutcomeContext, figure: Figure) {
  context.loaders.localFiguresByArea.clear(figure.areaCode);
  context.loaders.measureCodesByArea.clearAll();
  context.loaders.seriesFigures.clearAll();
  context.loaders.documentByKey.clear(figure.documentKey);
}

/** `Mutation.record<Subgraph>LocalFigure`: create or replace a local figure of the editor's own authority. */
export async function recordLocalFigure(context: OutcomeContext, operation: string, input: LocalFigureInput): Promise<Figure> {
  const editor = requireEditor(context.identity);
  const authorityCode = editor.authority;
  const valid = validateLocalFigure(input);
  if (valid.measureCode !== null && !(await context.loaders.measureByCode.load(valid.measureCode))) {
    throw badInput("input.measureCode", `"${valid.measureCode}" is not a measure this subgraph holds (leave it null when no published measure fits)`);
  }
  const documentKey = valid.source.document;
  const row = localFigureRow(authorityCode, documentKey, valid);

  const figure = await writeTransaction(context.dataSource, async (manager) => {
    // who owns the document decides, never which figures happen to cite it
    const held = await lockDocument(manager, documentKey);
    if (held) requireOwnDocument(held, authorityCode);
    const given = valid.source.newDocument;
    if (!held && !given) throw badInput("input.source.newDocument", `document "${documentKey}" is not held yet: describe it (title, publisher, asAt)`);
    if (held && given && !sameDocument(held, given)) {
      throw badInput("input.source.newDocument", `document "${documentKey}" is already held with a different description; omit newDocument to cite it as held`);
    }

    const before = await manager.findOneBy(Figure, { id: row.id });
    if (before && (before.kind !== "local" || before.areaCode !== authorityCode)) throw forbidden(`figure "${row.id}" is not a local figure of ${authorityCode}`);

    if (!held && given) {
      // a new document is named under its creator's authority, and is that authority's for good
      const naming = await keyNamingProblem(manager, authorityCode, documentKey);
      if (naming) throw forbidden(`input.source.document: ${naming}`);
      const document = Object.assign(new OutcomeDocument(), { key: documentKey, ...given, owner: authorityCode });
      await manager.insert(OutcomeDocument, document);
      await recordAudit(manager, editor, authorityCode, { operation, entityType: "SourceDocument", entityId: documentKey, before: null, after: { ...document } });
    }
    if (before) await manager.update(Figure, { id: row.id }, row);
    else await manager.insert(Figure, row);
    await recordAudit(manager, editor, authorityCode, { operation, entityType: "Figure", entityId: row.id, before: before ? snapshot(before) : null, after: snapshot(row) });
    return row;
  });
  forgetCached(context, figure);
  return figure;
}

/** `Mutation.delete<Subgraph>LocalFigure`: only a local figure of the editor's own authority. */
export async function deleteLocalFigure(context: OutcomeContext, operation: string, id: string): Promise<string> {
  const editor = requireEditor(context.identity);
  const authorityCode = editor.authority;
  if (id.length === 0 || id.length > 191) throw badInput("id", "must be a figure id, 1 to 191 characters");
  const deleted = await writeTransaction(context.dataSource, async (manager) => {
    const figure = await manager.findOneBy(Figure, { id });
    if (!figure) throw badInput("id", `no figure "${id}" is held`);
    if (figure.kind !== "local") throw forbidden(`id: "${id}" is a published (DfE LAIT) figure; only an authority's local figures can be deleted`);
    if (figure.areaCode !== authorityCode) throw forbidden(`id: "${id}" is a local figure of ${figure.areaCode}; an editor of ${authorityCode} cannot delete it`);
    await manager.delete(Figure, { id, kind: "local", areaCode: authorityCode });
    await recordAudit(manager, editor, authorityCode, { operation, entityType: "Figure", entityId: id, before: snapshot(figure), after: null });
    return figure;
  });
  forgetCached(context, deleted);
  return id;
}
