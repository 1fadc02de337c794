/** Seed file pieces shared by every subgraph: documents, sources, and local figures (see seeds/README.md). */
import { z } from "zod";
import { inOrder, partialDate, slug } from "./validation";

/** Where in the document an item comes from. The document itself is the file's `document`. */
export const sourceRef = z
  .object({
    section: z.string().min(1),
    /** the document's own wording, where it helps to check the item */
    quote: z.string().min(1).optional(),
  })
  .strict();

export const documentSeed = z
  .object({
    key: slug,
    title: z.string().min(1),
    /** file name in shared/source-documents */
    file: z.string().regex(/^[a-z0-9-]+\.txt$/),
    publisher: z.string().min(1),
    /** publication date or "as at" as the document states it, normalised as far as it allows */
    asAt: partialDate.nullable(),
    /** the date wording as printed, e.g. "Q3 2018/19" */
    asAtText: z.string().min(1).nullable(),
  })
  .strict();

/**
 * Local figures an authority publishes in its own documents, kept beside the
 * published (LAIT) figures in the education or care subgraph:
 * seeds/<education|care>/local-figures/<document-key>.json (one file per document).
 */
/** The period label of a figure whose date the document does not state (it never takes a caption's or the document's date). */
export const DATE_NOT_STATED = "date not stated";

export const localFigureSeed = z
  .object({
    key: slug,
    /** LAIT `Short Desc` for the same measure where one fits, else null */
    measureCode: z.string().min(1).nullable(),
    label: z.string().min(1),
    value: z.number().nullable(),
    unit: z.string().min(1),
    /** period as printed ("2023/24", "30/09/2024") and normalised bounds where readable; "date not stated" where the document gives none */
    period: inOrder(z.object({ label: z.string().min(1), start: partialDate.optional(), end: partialDate.optional() }).strict(), "start", "end")
      .refine((p) => p.label !== DATE_NOT_STATED || (p.start === undefined && p.end === undefined), {
        message: `a period labelled "${DATE_NOT_STATED}" has no start or end`,
      }),
    source: sourceRef,
    /** the other documents (of the same authority, each with its own local-figures file) that state the same figure */
    alsoStatedIn: z.array(sourceRef.extend({ document: slug }).strict()).optional(),
  })
  .strict();

export const localFiguresFile = z
  .object({
    authorityCode: z.string().regex(/^E\d{8}$/),
    document: documentSeed,
    figures: z.array(localFigureSeed),
  })
  .strict();
export type LocalFiguresFile = z.infer<typeof localFiguresFile>;
