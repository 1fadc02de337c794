/**
 * The shape of a document's evidence file: seeds/<authority-slug>/evidence/<document-key>.json,
 * beside the plan seed of the same document (seeds/<authority-slug>/plans/<document-key>.json).
 *
 * It holds what a document says besides its plan: the inspections and reviews it names,
 * its findings and evidence, the membership of the partnerships and boards it lists, its
 * glossary, its scope (the ages and groups it covers) and its status (draft, summary, final).
 * Every item carries its source (section, and the document's own words); texts are exact
 * wording. Loaded in the same transaction as the document's plan and replaced with it.
 */
import { z } from "zod";
import { sourceRef } from "@tees/subgraph-common/seed-schema";
import { inOrder, partialDate, slug, storedEnum } from "@tees/subgraph-common/validation";
import { DocumentStatusKind, FindingKind, GlossaryKind, InspectionKind, InspectionStatus, MemberKind, MemberRole } from "../resolvers/evidence-enums";

const text = z.string().min(1);
const note = text.optional();

/** a date or period as printed, normalised (YYYY, YYYY-MM or YYYY-MM-DD) where the wording allows */
export const printedDate = inOrder(z.object({ text, start: partialDate.optional(), end: partialDate.optional() }).strict(), "start", "end");

/** a figure as printed: value null where the document gives no single number (e.g. a range "11% to 12%") */
export const figureSeed = z
  .object({ value: z.number().nullable(), unit: text.optional(), text })
  .strict()
  .refine((f) => f.value === null || f.text.includes(String(Math.abs(f.value))), {
    message: "the value must appear in the figure's printed text",
    path: ["value"],
  });

export const inspectionSeed = z
  .object({
    key: slug,
    kind: storedEnum(InspectionKind),
    /** held: it took place; expected: the document says it is planned or expected */
    status: storedEnum(InspectionStatus),
    /** who inspected or reviewed, as worded (e.g. "Ofsted", "North Tyneside Council") */
    inspectorate: text,
    /** the inspection or review as the document names it */
    title: text,
    /** when it took place, or when it is expected; null where the document does not say */
    date: printedDate.nullable(),
    /** the judgement as worded (e.g. "requires improvement"); only where the document states one */
    judgement: text.optional(),
    /** the outcome as described where it is not a graded judgement (e.g. "a very positive outcome") */
    outcome: note,
    /** what was inspected or reviewed, as worded */
    subject: note,
    note,
    source: sourceRef,
  })
  .strict();

export const findingSeed = z
  .object({
    key: slug,
    kind: storedEnum(FindingKind),
    /** what the finding is about, as worded (a report's name, a heading, a table row) */
    subject: note,
    /** exact wording */
    text,
    figures: z.array(figureSeed),
    /** the date or period the finding refers to, as printed */
    period: printedDate.optional(),
    /** the inspection or review (of this file) the finding comes from */
    inspectionKey: slug.optional(),
    note,
    source: sourceRef,
  })
  .strict();

export const membershipSeed = z
  .object({
    key: slug,
    /** the partnership or board, as worded */
    body: text,
    /** the same body among the plan seed's groups, where it is one */
    groupKey: slug.optional(),
    /** the member as listed: a role, an organisation, or both */
    member: text,
    memberKind: storedEnum(MemberKind),
    /** what the member does in the body, where the document says (e.g. chair) */
    role: storedEnum(MemberRole).default("member"),
    note,
    source: sourceRef,
  })
  .strict();

export const glossarySeed = z
  .object({
    /** the term or abbreviation as printed */
    term: z.string().min(1).max(100),
    /** its expansion or definition as printed */
    expansion: text,
    /** glossary: listed in the document's glossary; inline: expanded or defined where it is used */
    kind: storedEnum(GlossaryKind),
    note,
    source: sourceRef,
  })
  .strict();

export const scopeSeed = z
  .object({
    /** who the document covers, as printed */
    text,
    /** the group, in short (e.g. "care leavers") */
    group: text,
    minAge: z.number().int().min(0).max(30).nullable(),
    maxAge: z.number().int().min(0).max(30).nullable(),
    note,
    source: sourceRef,
  })
  .strict();

export const statusSeed = z
  .object({
    kind: storedEnum(DocumentStatusKind),
    /** the document's words that say so */
    wording: text,
    note,
    source: sourceRef,
  })
  .strict();

export const evidenceSeedFile = z
  .object({
    /** the key of the document (and of its plan seed file) this evidence comes from */
    document: slug,
    /** null: the document does not state whether it is a draft, a summary or final */
    status: statusSeed.nullable(),
    scope: z.array(scopeSeed),
    inspections: z.array(inspectionSeed),
    findings: z.array(findingSeed),
    memberships: z.array(membershipSeed),
    glossary: z.array(glossarySeed),
  })
  .strict();

export type EvidenceSeedFile = z.infer<typeof evidenceSeedFile>;
