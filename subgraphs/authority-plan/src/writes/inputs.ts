/**
 * What a write accepts, beyond what the GraphQL types already enforce: lengths that fit the
 * columns, dates as precise as a document allows, slugs, theme ids, years in order; in the
 * vocabulary every write and seed file shares (@tees/subgraph-common/validation).
 * In update inputs a key left out means "unchanged" (zod keeps it absent) and null means "clear".
 * Each write validates its whole arguments object (`...Args`): a problem's field is its path.
 */
import { z } from "zod";
import { themeIds } from "@tees/subgraph-common/themes";
import { fromGraphQL, inOrder, LONG_TEXT, optionalText as maybeText, partialDate, slugText as slug, text } from "@tees/subgraph-common/validation";
import { LinkBasisKind } from "../resolvers/enums";
import { groupKind, planKind } from "../seeding/seed-schema";

export { LONG_TEXT };
export const id = text(191);
const ids = z.array(id).refine((list) => new Set(list).size === list.length, "must not repeat an id");
const themes = z
  .array(z.enum(themeIds, { error: () => `must be a theme id: ${themeIds.join(", ")}` }))
  .min(1, "must name at least one theme")
  .refine((list) => new Set(list).size === list.length, "must not repeat a theme");
const year = z.number().int().min(1900, "must be a year").max(2200, "must be a year");
const figure = z.number().refine(Number.isFinite, "must be a finite number");

/** `document` is optional: it defaults to the plan's own document */
export const sourceInput = z.object({ document: slug(120).nullish(), section: text(300), quote: maybeText(LONG_TEXT) });
export type SourceInput = z.output<typeof sourceInput>;

export const documentInput = z.object({
  key: slug(120),
  title: text(300),
  publisher: text(200),
  location: maybeText(300),
  asAt: partialDate.nullish(),
  asAtText: maybeText(100),
});

const period = z
  .object({ label: text(50), startYear: year.nullish(), endYear: year.nullish() })
  .refine((p) => p.startYear == null || p.endYear == null || p.startYear <= p.endYear, { message: "must not be before startYear", path: ["endYear"] });

/** start and end compared as far as both are precise: 2025 does not end before 2025-06 */
const timescale = inOrder(z.object({ text: text(200), start: partialDate.nullish(), end: partialDate.nullish() }), "start", "end");

export const statedValueInput = inOrder(
  z.object({ value: figure.nullish(), unit: maybeText(50), asAt: partialDate.nullish(), periodStart: partialDate.nullish(), periodEnd: partialDate.nullish(), text: text(LONG_TEXT) }),
  "periodStart",
  "periodEnd",
  "must not be before periodStart",
);
export type StatedValueInput = z.output<typeof statedValueInput>;

export const createPlanInput = z.object({
  document: documentInput,
  title: text(300),
  kind: planKind,
  period,
  owner: maybeText(300),
  leadMember: maybeText(300),
  leadOfficer: maybeText(300),
  source: sourceInput,
});
export const updatePlanInput = z.object({
  title: text(300).optional(),
  kind: planKind.optional(),
  period: period.optional(),
  owner: maybeText(300),
  leadMember: maybeText(300),
  leadOfficer: maybeText(300),
  source: sourceInput.optional(),
});

export const createPriorityInput = z.object({
  planId: id,
  number: maybeText(20),
  title: text(500),
  description: maybeText(LONG_TEXT),
  owner: maybeText(300),
  themes,
  source: sourceInput,
});
export const updatePriorityInput = z.object({
  number: maybeText(20),
  title: text(500).optional(),
  description: maybeText(LONG_TEXT),
  owner: maybeText(300),
  themes: themes.optional(),
  source: sourceInput.optional(),
});

/** how links an editor records are known; INFERRED needs a note saying why */
const linkBasisInput = z
  .object({ kind: fromGraphQL(LinkBasisKind), note: maybeText(LONG_TEXT) })
  .refine((b) => b.kind === "stated" || (b.note ?? null) !== null, { message: "an INFERRED link needs a note saying why", path: ["note"] });
export type LinkBasisInput = z.output<typeof linkBasisInput>;

export const createActionInput = z.object({
  planId: id,
  title: text(LONG_TEXT),
  timescale: timescale.nullish(),
  status: maybeText(200),
  note: maybeText(LONG_TEXT),
  priorityIds: ids.default([]),
  priorityBasis: linkBasisInput.nullish(),
  leadGroupIds: ids.default([]),
  leadGroupBasis: linkBasisInput.nullish(),
  narrative: z.boolean().nullish(),
  themes,
  source: sourceInput,
});
export const updateActionInput = z.object({
  title: text(LONG_TEXT).optional(),
  timescale: timescale.nullish(),
  status: maybeText(200),
  note: maybeText(LONG_TEXT),
  priorityIds: ids.optional(),
  priorityBasis: linkBasisInput.nullish(),
  leadGroupIds: ids.optional(),
  leadGroupBasis: linkBasisInput.nullish(),
  narrative: z.boolean().nullish(),
  themes: themes.optional(),
  source: sourceInput.optional(),
})
  .refine((i) => i.priorityBasis == null || i.priorityIds !== undefined, { message: "give priorityIds with it: a basis applies to the links it sets", path: ["priorityBasis"] })
  .refine((i) => i.leadGroupBasis == null || i.leadGroupIds !== undefined, { message: "give leadGroupIds with it: a basis applies to the links it sets", path: ["leadGroupBasis"] });

export const progressNoteInput = z.object({ text: text(LONG_TEXT), asAt: partialDate });

export const createLeadGroupInput = z.object({
  planId: id,
  name: text(300),
  kind: groupKind,
  canonicalName: slug(120),
  canonicalNote: maybeText(LONG_TEXT),
  description: maybeText(LONG_TEXT),
  source: sourceInput,
});
export const updateLeadGroupInput = z.object({
  name: text(300).optional(),
  kind: groupKind.optional(),
  canonicalName: slug(120).optional(),
  canonicalNote: maybeText(LONG_TEXT),
  description: maybeText(LONG_TEXT),
  source: sourceInput.optional(),
});

export const createIndicatorInput = z.object({
  planId: id,
  priorityId: id.nullish(),
  wording: text(LONG_TEXT),
  measureCode: maybeText(64),
  measureNote: maybeText(LONG_TEXT),
  target: statedValueInput.nullish(),
  current: statedValueInput.nullish(),
  source: sourceInput,
});
export const updateIndicatorInput = z.object({
  wording: text(LONG_TEXT).optional(),
  measureCode: maybeText(64),
  measureNote: maybeText(LONG_TEXT),
  target: statedValueInput.nullish(),
  current: statedValueInput.nullish(),
  source: sourceInput.optional(),
});

// ---- each write's arguments ------------------------------------------------------------------

export const idArgs = z.object({ id });
export const createPlanArgs = z.object({ input: createPlanInput });
export const updatePlanArgs = z.object({ id, input: updatePlanInput });
export const createPriorityArgs = z.object({ input: createPriorityInput });
export const updatePriorityArgs = z.object({ id, input: updatePriorityInput });
export const createActionArgs = z.object({ input: createActionInput });
export const updateActionArgs = z.object({ id, input: updateActionInput });
export const progressNoteArgs = z.object({ actionId: id, input: progressNoteInput });
export const createLeadGroupArgs = z.object({ input: createLeadGroupInput });
export const updateLeadGroupArgs = z.object({ id, input: updateLeadGroupInput });
export const createIndicatorArgs = z.object({ input: createIndicatorInput });
export const updateIndicatorArgs = z.object({ id, input: updateIndicatorInput });
