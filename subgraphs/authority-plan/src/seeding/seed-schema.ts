/**
 * The shape of an authority plan seed file: one JSON file per source document,
 * under seeds/<authority-slug>/plans/<document-key>.json.
 *
 * Keys (`key` fields) are unique within one file; database ids are
 * `<document key>/<item key>`, so reloading a file updates rather than duplicates.
 * Cross-authority matching (lead groups, linked plans) uses `canonical`.
 */
import { z } from "zod";
import { documentSeed, sourceRef } from "@tees/subgraph-common/seed-schema";
import { themeIds } from "@tees/subgraph-common/themes";
import { inOrder, partialDate, slug, storedEnum } from "@tees/subgraph-common/validation";
import { GroupKind, LinkBasisKind, PlanKind, PrincipleKind, StatementKind } from "../resolvers/enums";

/** the region's theme taxonomy (seeds/region/themes.json), the only ids a priority or action may carry */
export { themeIds };

export const themeId = z.enum(themeIds);
export const planKind = storedEnum(PlanKind);
export const groupKind = storedEnum(GroupKind);

const note = z.string().min(1).optional();

/**
 * How a link is known: "stated" where the document itself states it (an action printed under its
 * priority, a lead group in the action's own "Lead Group" cell); "inferred" where the extractor made
 * it (read off a garbled table, placed by position, a plan-wide list placed under one priority), with
 * a note saying why. See seeds/README.md, "Stated and inferred".
 */
export const linkBasis = z
  .object({ kind: storedEnum(LinkBasisKind), note: z.string().min(1).optional() })
  .strict()
  .refine((b) => b.kind === "stated" || b.note !== undefined, { message: "an inferred link needs a note saying why", path: ["note"] });
export type LinkBasisSeed = z.infer<typeof linkBasis>;

export const planStatementSeed = z
  .object({
    kind: storedEnum(StatementKind),
    /** short name where the document gives one (e.g. a council priority "Start Life Well") */
    title: z.string().min(1).optional(),
    text: z.string().min(1),
    source: sourceRef,
  })
  .strict();

export const principleSeed = z
  .object({
    key: slug,
    kind: storedEnum(PrincipleKind),
    title: z.string().min(1),
    text: z.string().min(1).optional(),
    source: sourceRef,
  })
  .strict();

export const measuredValue = inOrder(
  z
    .object({
      /** null where the document gives no number */
      value: z.number().nullable(),
      unit: z.string().min(1).optional(),
      asAt: partialDate.optional(),
      /** the period the value is for where the document prints one, e.g. "(2023/24)": start and end */
      periodStart: partialDate.optional(),
      periodEnd: partialDate.optional(),
      /** the wording as printed, e.g. "below 10%" */
      text: z.string().min(1),
    })
    .strict(),
  "periodStart",
  "periodEnd",
  "must not be before periodStart",
);

export const indicatorSeed = z
  .object({
    key: slug,
    /** exactly as worded in the document */
    wording: z.string().min(1),
    /** LAIT `Short Desc` (shared/reference-data/dfe-lait) where one fits; null where none does */
    measureCode: z.string().min(1).nullable(),
    /** why that measure (or none) was chosen, when the fit is not exact */
    measureNote: note,
    target: measuredValue.optional(),
    current: measuredValue.optional(),
    /** under a priority: whether the document lists it there (default stated) */
    placement: linkBasis.optional(),
    source: sourceRef,
  })
  .strict();

/** an outcome or success criterion; `placement`: whether the document lists it under this priority (default stated) */
const outcomeSeed = z.object({ text: z.string().min(1), placement: linkBasis.optional(), source: sourceRef.optional() }).strict();

export const prioritySeed = z
  .object({
    key: slug,
    /** the document's numbering, e.g. "1" */
    number: z.string().min(1).nullable(),
    title: z.string().min(1),
    description: z.string().min(1).optional(),
    /** whose priority it is, where the document quotes another body's own priorities (e.g. a partnership's); absent: the plan's own */
    owner: z.string().min(1).optional(),
    themes: z.array(themeId).min(1),
    outcomes: z.array(outcomeSeed),
    successCriteria: z.array(outcomeSeed),
    indicators: z.array(indicatorSeed),
    source: sourceRef,
  })
  .strict();

export const actionSeed = z
  .object({
    key: slug,
    title: z.string().min(1),
    priorityKeys: z.array(slug),
    principleKeys: z.array(slug),
    themes: z.array(themeId).min(1),
    timescale: inOrder(z.object({ text: z.string().min(1), start: partialDate.optional(), end: partialDate.optional() }).strict(), "start", "end").nullable(),
    status: z.string().min(1).optional(),
    progress: z.array(z.object({ text: z.string().min(1), asAt: partialDate.nullable() }).strict()),
    leadGroupKeys: z.array(slug),
    linkedPlanKeys: z.array(slug),
    /** how the links to `priorityKeys` are known: required when there are any */
    priorityBasis: linkBasis.optional(),
    /** how the links to `leadGroupKeys` are known: required when there are any */
    leadGroupBasis: linkBasis.optional(),
    /** true: a passage of the document's narrative (not a commitment the plan makes) stored as an action */
    narrative: z.boolean().optional(),
    /** what is uncertain in the source (garbled text, ambiguous priority numbers, ...) */
    note,
    source: sourceRef,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.priorityKeys.length && !a.priorityBasis) ctx.addIssue({ code: "custom", path: ["priorityBasis"], message: "required when priorityKeys is not empty (stated, or inferred with a note)" });
    if (a.leadGroupKeys.length && !a.leadGroupBasis) ctx.addIssue({ code: "custom", path: ["leadGroupBasis"], message: "required when leadGroupKeys is not empty (stated, or inferred with a note)" });
  });

export const groupSeed = z
  .object({
    key: slug,
    name: z.string().min(1),
    kind: groupKind,
    /** cross-authority name, e.g. "malap", "local-safeguarding-children-board", "children-in-care-council" */
    canonical: slug,
    /** where identity with other authorities' bodies of this canonical name is a judgement, why (the match is then inferred) */
    canonicalNote: note,
    description: z.string().min(1).optional(),
    source: sourceRef,
  })
  .strict();

export const linkedPlanSeed = z
  .object({
    key: slug,
    title: z.string().min(1),
    /** cross-authority name, e.g. "early-help-strategy", "send-strategy" */
    canonical: slug,
    /** where identity with other plans of this canonical name is a judgement, why (the match is then inferred) */
    canonicalNote: note,
    note,
    source: sourceRef,
  })
  .strict();

export const contextFigureSeed = z
  .object({
    key: slug,
    /** as worded, e.g. "Children and young people aged 0-17" */
    label: z.string().min(1),
    value: z.number().nullable(),
    unit: z.string().min(1),
    asAt: partialDate.optional(),
    /** the period or date wording as printed */
    periodText: z.string().min(1).optional(),
    source: sourceRef,
  })
  .strict();

export const planSeedFile = z
  .object({
    document: documentSeed,
    plan: z
      .object({
        key: slug,
        title: z.string().min(1),
        kind: planKind,
        period: z
          .object({ label: z.string().min(1), startYear: z.number().int().nullable(), endYear: z.number().int().nullable() })
          .strict(),
        owner: z.string().min(1).optional(),
        leadMember: z.string().min(1).optional(),
        leadOfficer: z.string().min(1).optional(),
        /** where the document names the lead member and lead officer: required when either is given */
        metadataSource: sourceRef.optional(),
        statements: z.array(planStatementSeed),
        principles: z.array(principleSeed),
        /** indicators the plan lists for itself as a whole ("measures of success"), not under one priority */
        indicators: z.array(indicatorSeed).default([]),
        source: sourceRef,
      })
      .strict()
      .refine((p) => p.metadataSource !== undefined || (p.leadMember === undefined && p.leadOfficer === undefined), {
        message: "required when leadMember or leadOfficer is given",
        path: ["metadataSource"],
      }),
    priorities: z.array(prioritySeed),
    actions: z.array(actionSeed),
    groups: z.array(groupSeed),
    linkedPlans: z.array(linkedPlanSeed),
    contextFigures: z.array(contextFigureSeed),
  })
  .strict();

export type PlanSeedFile = z.infer<typeof planSeedFile>;

