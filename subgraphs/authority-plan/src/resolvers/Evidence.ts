import { GraphQLError } from "graphql";
import type { PlanLoaders } from "../loaders";
import type { Finding as FindingRow, GlossaryEntry as GlossaryRow, Inspection as InspectionRow } from "../entities";
import type {
  DocumentStatusResolvers, FindingResolvers, GlossaryEntryResolvers, InspectionResolvers, MembershipResolvers, PlanResolvers,
  ThisAuthorityResolvers, ScopeItemResolvers,
} from "../generated/resolvers-types";

/** the longest term glossary(term:) accepts (terms are at most 100 characters in the seeds) */
export const MAX_GLOSSARY_TERM = 100;

/** a held or expected inspection's date for ordering: its end (or start); null when undated */
const when = (i: InspectionRow): string | null => i.dateEnd ?? i.dateStart;

/** newest first by date (YYYY[-MM[-DD]] strings compare in date order within the same precision); undated last, in document order */
export function newestFirst(rows: readonly InspectionRow[]): InspectionRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const [x, y] = [when(a.row), when(b.row)];
      if (x === y) return a.index - b.index;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? 1 : -1;
    })
    .map(({ row }) => row);
}

/** the most recent dated, held inspection with a stated judgement */
export function latestJudgement(rows: readonly InspectionRow[]): InspectionRow | null {
  return newestFirst(rows.filter((i) => i.status === "held" && i.judgement !== null && when(i) !== null))[0] ?? null;
}

/** exact or prefix match on the lower-cased term: plain string comparison, linear in the term's length */
export function matchGlossary(rows: readonly GlossaryRow[], term: string | null | undefined, prefix: boolean): GlossaryRow[] {
  if (term === null || term === undefined) return [...rows];
  if (term.length > MAX_GLOSSARY_TERM) {
    throw new GraphQLError(`glossary(term:) must be at most ${MAX_GLOSSARY_TERM} characters (got ${term.length})`, {
      extensions: { code: "BAD_USER_INPUT", argumentName: "term" },
    });
  }
  const key = term.trim().toLowerCase();
  if (key === "") throw new GraphQLError("glossary(term:) must not be empty", { extensions: { code: "BAD_USER_INPUT", argumentName: "term" } });
  return rows.filter((g) => (prefix ? g.termKey.startsWith(key) : g.termKey === key));
}

const ofKind = (rows: FindingRow[], kind: string | null | undefined) => (kind ? rows.filter((f) => f.kind === kind) : rows);

/** The evidence fields of the deployment's authority type (spread into authorityResolvers). */
export const evidenceAuthorityFields: Pick<
  ThisAuthorityResolvers, "inspections" | "latestJudgement" | "findings" | "memberships" | "glossary"
> = {
  inspections: async (_authority, { status }, { loaders }) => {
    const rows = newestFirst(await loaders.allInspections.load("all"));
    return status ? rows.filter((i) => i.status === status) : rows;
  },
  latestJudgement: async (_authority, _args, { loaders }) => latestJudgement(await loaders.allInspections.load("all")),
  findings: async (_authority, { kind }, { loaders }) => ofKind(await loaders.allFindings.load("all"), kind),
  memberships: (_authority, _args, { loaders }) => loaders.allMemberships.load("all"),
  glossary: async (_authority, { term, prefix }, { loaders }) => matchGlossary(await loaders.allGlossary.load("all"), term, prefix ?? false),
};

/** The evidence fields of Plan (spread into the Plan resolvers). */
export const evidencePlanFields: Pick<PlanResolvers, "status" | "scope" | "inspections" | "findings" | "memberships" | "glossary"> = {
  status: async (plan, _args, { loaders }) => (await loaders.statusByPlan.load(plan.id))[0] ?? null,
  scope: (plan, _args, { loaders }) => loaders.scopeByPlan.load(plan.id),
  inspections: (plan, _args, { loaders }) => loaders.inspectionsByPlan.load(plan.id),
  findings: async (plan, { kind }, { loaders }) => ofKind(await loaders.findingsByPlan.load(plan.id), kind),
  memberships: (plan, _args, { loaders }) => loaders.membershipsByPlan.load(plan.id),
  glossary: (plan, _args, { loaders }) => loaders.glossaryByPlan.load(plan.id),
};

/** the plan a row belongs to (its foreign key guarantees one) */
const planOf = async (row: { planId: string }, loaders: PlanLoaders) => {
  const plan = await loaders.planById.load(row.planId);
  if (!plan) throw new Error(`plan ${row.planId} is missing`);
  return plan;
};

export const Inspection: InspectionResolvers = {
  date: (i) => (i.dateText === null ? null : { text: i.dateText, start: i.dateStart, end: i.dateEnd }),
  findings: (i, _args, { loaders }) => loaders.findingsByInspection.load(i.id),
  plan: (i, _args, { loaders }) => planOf(i, loaders),
};

export const Finding: FindingResolvers = {
  period: (f) => (f.periodText === null ? null : { text: f.periodText, start: f.periodStart, end: f.periodEnd }),
  inspection: (f, _args, { loaders }) => (f.inspectionId === null ? null : loaders.inspectionById.load(f.inspectionId)),
  plan: (f, _args, { loaders }) => planOf(f, loaders),
};

export const Membership: MembershipResolvers = {
  group: (m, _args, { loaders }) => (m.groupId === null ? null : loaders.groupById.load(m.groupId)),
};

export const GlossaryEntry: GlossaryEntryResolvers = {
  plan: (g, _args, { loaders }) => planOf(g, loaders),
};

export const DocumentStatus: DocumentStatusResolvers = {};
export const ScopeItem: ScopeItemResolvers = { group: (s) => s.scopeGroup };
