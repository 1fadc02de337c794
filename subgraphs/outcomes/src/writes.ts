/**
 * Writes to an outcomes subgraph (education, care): an editor records or deletes a local
 * figure of their OWN authority. Shared by both subgraphs; only the mutation names differ.
 *
 * Order, always (the one audited-write pipeline, @tees/subgraph-common/audited-write): who (the
 * signed identity: editors only, and only for the authority the identity carries; it is never an
 * argument), then the input (every field checked, each problem naming its field, nothing read or
 * written yet), then ONE transaction that checks what the database holds, writes, and records the
 * audit entries with the same manager: the write and its audit entries land together or not at all.
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
import { z } from "zod";
import { auditedWrites, type AuditRecord } from "@tees/subgraph-common/audited-write";
import { badInput } from "@tees/subgraph-common/input-errors";
import { forbidden } from "@tees/subgraph-common/authorization";
import { inOrder, optionalText, orNull, partialDate, slugText, text } from "@tees/subgraph-common/validation";
import { Figure, OutcomeDocument, PUBLISHED_OWNER, UNASSIGNED_OWNER } from "./entities";
import { keyNamingProblem, lockDocument, writeTransaction } from "./documents";
import { LAIT_DOCUMENT_KEY } from "./lait";
import { localFigureRow } from "./local-figures";
import { createOutcomeLoaders, type OutcomeContext } from "./loaders";
import type { LocalFigureInput } from "./generated/resolvers-types";

/** `LocalFigureInput` as GraphQL hands it over (shape checked by GraphQL, content checked here). */
export type { LocalFigureInput };

/**
 * The one audited-write pipeline (@tees/subgraph-common/audited-write) for this subgraph: editors
 * only, acting for the authority their identity carries; the transaction is documents.ts's
 * writeTransaction (READ COMMITTED on MySQL/MariaDB, for the document lock).
 */
const runWrite = auditedWrites<OutcomeContext>({
  authorityOf: (context) => context.identity.authority ?? "an authority",
  freshLoaders: (context) => createOutcomeLoaders(context.dataSource, context.work),
  transaction: writeTransaction,
});

// ---- input checks: the shared vocabulary, with the messages a caller can act on --------------

const optional = (max: number) => orNull(optionalText(max));
const optionalDate = orNull(partialDate);

const MAX_DOCUMENT_KEY = 120; // source_document.key
const MAX_FIGURE_KEY = 191 - MAX_DOCUMENT_KEY - 1; // figure.id is "<document>/<key>", at most 191

const localFigureInput = z.object({
  key: slugText(MAX_FIGURE_KEY),
  measureCode: optional(64),
  label: text(300),
  value: orNull(z.number()),
  unit: text(100),
  period: inOrder(z.object({ label: text(60), start: optionalDate, end: optionalDate }), "start", "end"),
  source: z.object({
    document: slugText(MAX_DOCUMENT_KEY).refine((key) => key !== LAIT_DOCUMENT_KEY, "is the published DfE dataset: a local figure cites the authority's own document"),
    section: text(300),
    quote: optional(5000),
    newDocument: orNull(z.object({ title: text(300), publisher: text(200), location: optional(300), asAt: optionalDate, asAtText: optional(100) })),
  }),
});
export type ValidLocalFigure = z.output<typeof localFigureInput>;
const recordArgs = z.object({ input: localFigureInput });
const deleteArgs = z.object({ id: z.string().min(1, "must be a figure id, 1 to 191 characters").max(191, "must be a figure id, 1 to 191 characters") });

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

/** `Mutation.record<Subgraph>LocalFigure`: create or replace a local figure of the editor's own authority. */
export const recordLocalFigure = (context: OutcomeContext, operation: string, input: LocalFigureInput): Promise<Figure> =>
  runWrite(context, { input }, {
    operation,
    arguments: recordArgs,
    check: async ({ input: valid }, context) =>
      valid.measureCode !== null && !(await context.loaders.measureByCode.load(valid.measureCode))
        ? [{ field: "input.measureCode", message: `"${valid.measureCode}" is not a measure this subgraph holds (leave it null when no published measure fits)` }]
        : [],
    change: async (manager, { input: valid }, editor) => {
      const authorityCode = editor.authority;
      const documentKey = valid.source.document;
      const row = localFigureRow(authorityCode, documentKey, valid);
      const audit: AuditRecord[] = [];

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
        audit.push({ entityType: "SourceDocument", entityId: documentKey, before: null, after: { ...document } });
      }
      if (before) await manager.update(Figure, { id: row.id }, row);
      else await manager.insert(Figure, row);
      audit.push({ entityType: "Figure", entityId: row.id, before: before ? snapshot(before) : null, after: snapshot(row) });
      return { result: row, audit };
    },
  });

/** `Mutation.delete<Subgraph>LocalFigure`: only a local figure of the editor's own authority. */
export const deleteLocalFigure = (context: OutcomeContext, operation: string, id: string): Promise<string> =>
  runWrite(context, { id }, {
    operation,
    arguments: deleteArgs,
    change: async (manager, { id }, editor) => {
      const authorityCode = editor.authority;
      const figure = await manager.findOneBy(Figure, { id });
      if (!figure) throw badInput("id", `no figure "${id}" is held`);
      if (figure.kind !== "local") throw forbidden(`id: "${id}" is a published (DfE LAIT) figure; only an authority's local figures can be deleted`);
      if (figure.areaCode !== authorityCode) throw forbidden(`id: "${id}" is a local figure of ${figure.areaCode}; an editor of ${authorityCode} cannot delete it`);
      await manager.delete(Figure, { id, kind: "local", areaCode: authorityCode });
      return { result: id, audit: [{ entityType: "Figure", entityId: id, before: snapshot(figure), after: null }] };
    },
  });
