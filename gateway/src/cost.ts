/**
 * What an operation costs, knowing how long lists are: each field costs 1 plus its selection, and a
 * list field multiplies that by the number of items it can return, taken from ONE table (LIST_SIZES)
 * of the largest length measured in the data, narrowed by the field's arguments (`codes`, `region`,
 * `withPlanSubgraph`, `limit`). GraphQL Armor's static cost (x1.5 per level) could not tell
 * `authorities(codes: ["E06000003"])` from `authorities` (158 authorities, x158 the work).
 *
 * graphql-query-complexity walks the operation (fragments, inline fragments on abstract types: the
 * costliest type counts, @include/@skip honoured) with the request's variables, so the cost is
 * checked when execution starts and the variables are known, before any subgraph is called.
 *
 * Introspection (__schema, __type) costs nothing here: the gateway answers it from its own schema,
 * calling no subgraph; it is governed by GATEWAY_INTROSPECTION, depth and tokens.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ComplexityEstimator } from "graphql-query-complexity";
import type { DocumentNode, GraphQLCompositeType, GraphQLSchema } from "graphql";

const require = createRequire(import.meta.url);
/**
 * graphql-js as CommonJS: the copy Hive Gateway's runtime (and every package) loads. Under vitest our
 * own source is given the ESM copy instead, and graphql-js refuses a schema of one copy in the other's
 * functions; the cost is computed on the runtime's schema, so with the runtime's copy (tests build
 * their schemas with it too).
 */
export const runtimeGraphql = require("graphql") as typeof import("graphql");
const { getComplexity } = require("graphql-query-complexity") as typeof import("graphql-query-complexity");
const { getNamedType, getNullableType, isInterfaceType, isListType, isObjectType } = runtimeGraphql;

/**
 * The largest length of each list in the data, measured (test/cost-limits.test.ts measures every
 * figure again on each run and fails when the data outgrows one, naming it):
 * - areas and regions from seeds/region/areas.csv (the national LAIT code list);
 * - measures from the LAIT data dictionary (seeds/lait/lait_data_dictionary.csv) by the topics each
 *   outcomes subgraph holds (subgraphs/outcomes/src/topics.ts);
 * - figures per series and neighbours per set from the national release in seeds/lait, plus the
 *   authorities' local figures (seeds/<education|care>/local-figures);
 * - plan lists from the plan seeds (seeds/<authority>/plans), as the plan subgraphs serve them.
 * Every list counts as at least one item, so asking for one is never free. Lists editors add to
 * (progress notes, plans' items) grow with use: the test fails, naming the figure, when the seeds outgrow it.
 */
export const LIST_SIZES = {
  /** local authorities in the code list (areas.csv, kind local-authority) */
  authorities: 158,
  /** the largest region: London (E12000007), 33 authorities */
  largestRegion: 33,
  /** the code list's regions (areas.csv, kind region: England's nine, London also as Inner and Outer) */
  regions: 11,
  /** the shared theme taxonomy (seeds/region/themes.json) */
  themes: 9,
  /** measures each outcomes subgraph holds, and the largest single topic's */
  educationMeasures: 247,
  educationLargestTopic: 64,
  careMeasures: 199,
  careLargestTopic: 68,
  /** figures of one series (one area, one measure): published (national file) and local */
  seriesFigures: 11,
  /** an authority's local figures (seeds/<subgraph>/local-figures) */
  educationLocalFigures: 10,
  careLocalFigures: 8,
  /** the documents that state one local figure (OutcomeFigure.sources) */
  figureSources: 2,
  /** statistical neighbours of one authority in one set (both published sets) */
  neighbours: 10,
  /** Comparison.method lines, RankComparison.quartiles */
  methodLines: 6,
  quartiles: 3,
  /** the audit log's `limit` when not given (its resolvers refuse more than auditLogMax) */
  auditLogDefault: 50,
  auditLogMax: 500,
  /** plan lists, per parent */
  plan: {
    "Authority.plans": 4,
    "Authority.priorities": 18,
    "Authority.actions": 69,
    "Authority.groups": 29,
    "Authority.linkedPlans": 39,
    "Plan.priorities": 7,
    "Plan.actions": 24,
    "Plan.indicators": 12,
    "Plan.statements": 8,
    "Plan.principles": 13,
    "Plan.contextFigures": 30,
    "Priority.actions": 13,
    "Priority.indicators": 12,
    "Priority.outcomes": 4,
    "Priority.successCriteria": 4,
    "Priority.themes": 3,
    "Action.leadGroups": 2,
    "Action.linkedPlans": 3,
    "Action.principles": 5,
    "Action.priorities": 5,
    "Action.progress": 2,
    "Action.themes": 4,
    "LeadGroup.actions": 5,
    "LinkedPlan.actions": 7,
    "Authority.inspections": 9,
    "Authority.findings": 56,
    "Authority.memberships": 25,
    "Authority.glossary": 33,
    "Plan.scope": 3,
    "Plan.inspections": 9,
    "Plan.findings": 39,
    "Plan.memberships": 25,
    "Plan.glossary": 33,
    "Action.priorityLinks": 5,
    "Action.leadGroupLinks": 2,
    "Inspection.findings": 8,
    "Finding.figures": 4,
  } as Record<string, number>,
};

export type ListSizes = typeof LIST_SIZES;

/**
 * The authorities that run a plan subgraph, as the served schema has them: one concrete Authority type
 * each (LocalAuthority is every other authority). Read from the schema the gateway serves, so a
 * deployment's own supergraph counts, whatever registry file sits beside the gateway's code.
 */
export function planAuthorityCount(schema: GraphQLSchema): number {
  const authority = schema.getType("Authority");
  if (!authority || !isInterfaceType(authority)) return 0;
  return schema.getPossibleTypes(authority).filter((t) => t.name !== "LocalAuthority").length;
}

/** The registry's own list of the authorities that run a plan subgraph (subgraphs/region/deployments/plan-authorities.json). */
export function readPlanAuthorityCount(file = join(import.meta.dirname, "../../subgraphs/region/deployments/plan-authorities.json")): number {
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error(`${file}: expected a non-empty list of plan authorities`);
  return parsed.length;
}

type Args = Record<string, unknown>;
const codesOf = (args: Args): number | null => (Array.isArray(args.codes) ? new Set(args.codes).size : null);

/**
 * How many items a list field can return, given its arguments; null: not a list this table knows
 * (a schema change: listSizeGaps names it, and the cost then counts it as the longest list there is).
 */
export function listSize(sizes: ListSizes, planAuthorities: number, parent: GraphQLCompositeType, field: string, args: Args): number | null {
  const owner = isAuthorityType(parent) ? "Authority" : parent.name;
  const narrowed = (all: number) => Math.min(all, codesOf(args) ?? all);
  switch (`${owner}.${field}`) {
    case "Query.authorities": {
      let n = sizes.authorities;
      if (args.withPlanSubgraph === true) n = Math.min(n, planAuthorities);
      if (typeof args.region === "string") n = Math.min(n, sizes.largestRegion);
      return narrowed(n);
    }
    case "Region.authorities":
      return sizes.largestRegion;
    case "Query.regions":
      return sizes.regions;
    case "Query.themes":
      return sizes.themes;
    case "Query.educationMeasures":
      return typeof args.topic === "string" ? sizes.educationLargestTopic : sizes.educationMeasures;
    case "Query.careMeasures":
      return typeof args.topic === "string" ? sizes.careLargestTopic : sizes.careMeasures;
    case "EducationProfile.measures":
      return narrowed(typeof args.topic === "string" ? sizes.educationLargestTopic : sizes.educationMeasures);
    case "CareProfile.measures":
      return narrowed(typeof args.topic === "string" ? sizes.careLargestTopic : sizes.careMeasures);
    case "EducationSeries.figures":
    case "CareSeries.figures":
      return sizes.seriesFigures;
    case "OutcomeFigure.sources":
      return sizes.figureSources;
    case "EducationProfile.localFigures":
      return sizes.educationLocalFigures;
    case "CareProfile.localFigures":
      return sizes.careLocalFigures;
    case "NeighbourComparison.values":
    case "StatisticalNeighbours.neighbours":
      return sizes.neighbours;
    case "Comparison.method":
      return sizes.methodLines;
    case "RankComparison.quartiles":
      return sizes.quartiles;
    case "Authority.auditLog":
    case "Authority.educationAuditLog":
    case "Authority.careAuditLog": {
      const limit = typeof args.limit === "number" ? args.limit : sizes.auditLogDefault;
      return Math.max(1, Math.min(limit, sizes.auditLogMax));
    }
    default: {
      const plan = sizes.plan[`${owner}.${field}`];
      return plan === undefined ? null : Math.max(1, plan);
    }
  }
}

/** the Authority interface and every type implementing it (one per plan authority, LocalAuthority) share one set of figures */
function isAuthorityType(type: GraphQLCompositeType): boolean {
  if (type.name === "Authority") return true;
  return (isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().some((i) => i.name === "Authority");
}

/** Every list field of the schema the table has no figure for ("Type.field"); the test asserts there is none. */
export function listSizeGaps(schema: GraphQLSchema, sizes: ListSizes = LIST_SIZES): string[] {
  const gaps: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      // arguments chosen to give the widest answer (no narrowing)
      if (listSize(sizes, 1, type, field.name, {}) === null) gaps.push(`${type.name}.${field.name}`);
    }
  }
  return gaps;
}

export interface CostModel {
  sizes: ListSizes;
  /** authorities that run a plan subgraph (planAuthorityCount of the served schema) */
  planAuthorities: number;
}

/** an authority's fields served by its plan subgraph: only authorities with one have any (the others' are null, at no subgraph's cost) */
const PLAN_FIELDS = new Set(["plans", "priorities", "actions", "groups", "linkedPlans", "auditLog", "inspections", "latestJudgement", "findings", "memberships", "glossary"]);

/**
 * Each field costs 1 plus its selection, times its list size for a list. A list of authorities
 * costs its plan fields (PLAN_FIELDS) only for as many authorities as can have a plan subgraph:
 * `authorities(region: …) { priorities { … } }` is 33 authorities, at most 2 with priorities.
 * The library calls the estimator depth first, children before their parent, so the plan fields'
 * cost under an authority is summed in `state` until the field returning the authority takes it.
 */
function estimator({ sizes, planAuthorities }: CostModel): ComplexityEstimator {
  const longest = Math.max(sizes.authorities, sizes.educationMeasures, sizes.careMeasures, sizes.auditLogMax);
  return ({ type, field, args, childComplexity, context }) => {
    const state = context as CostState;
    if (field.name.startsWith("__") && field.name !== "__typename") return 0;
    const own = 1 + childComplexity;
    const list = isListType(getNullableType(field.type));
    const size = list ? (listSize(sizes, planAuthorities, type, field.name, args) ?? longest) : 1;
    if (isAuthorityType(type) && PLAN_FIELDS.has(field.name)) {
      state.planCost += own * size;
      return own * size;
    }
    const named = getNamedType(field.type);
    if (isObjectType(named) || isInterfaceType(named) ? isAuthorityType(named) : false) {
      const plan = Math.min(state.planCost, childComplexity);
      state.planCost = 0;
      return size * (own - plan) + Math.min(size, planAuthorities) * plan;
    }
    return own * size;
  };
}

interface CostState {
  /** the cost of plan fields met since the last field returning authorities */
  planCost: number;
}

/**
 * The operation's cost under the model, with these variables (graphql-query-complexity coerces them
 * as execution will; a variable of the wrong type is an error here as it would be there).
 */
export function operationCost(model: CostModel, schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [estimator(model)],
    context: { planCost: 0 } satisfies CostState,
    // the document is already bounded by GATEWAY_MAX_TOKENS; fragments spread many times are walked each time
    maxQueryNodes: 100_000,
  });
}
