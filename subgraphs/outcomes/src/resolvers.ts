import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { readAuditLog } from "@tees/subgraph-common/audit/record";
import { selectedFields } from "@tees/subgraph-common/selection";
import { neighbourSetIds, type NeighbourSetName } from "@tees/subgraph-common/lait/neighbour-sets";
import { compare, DEFAULT_TREND_POINTS, storedColumnsFor } from "./comparison";
import { Measure as MeasureEntity, PUBLISHED_OWNER, UNASSIGNED_OWNER, type Figure, type Measure, type OutcomeDocument, type StoredComparison } from "./entities";
import type { OutcomeDeployment } from "./deployments";
import type { MutationResolvers, QueryResolvers } from "./generated/resolvers-types";
import { instantiateName } from "./schema";
import type { OutcomeContext, OutcomeLoaders } from "./loaders";
import { deleteLocalFigure, recordLocalFigure, type LocalFigureInput } from "./writes";

/** The parent of a profile field: the authority it belongs to. */
export interface Profile {
  areaCode: string;
}
export interface Series {
  measure: Measure;
  /** the series' figures, oldest first, when already loaded; else loaded when a field needs them */
  figures?: Figure[];
  areaCode: string;
  /** the plan's target, when the series is reached from an indicator */
  target?: number | null;
  /** what the import stored for the series, and the areas, when its list read them ahead for its comparisons (Profile.measures) */
  readAhead?: { stored: StoredComparison | null; areas: Areas };
}
type Areas = Awaited<ReturnType<OutcomeLoaders["areas"]["load"]>>;
/** `<X>IndicatorOutcome`: an indicator's measure for the authority whose plan it is */
export interface IndicatorOutcome {
  authorityCode: string;
  measureCode: string;
  target: number | null;
}
interface ComparisonArgs {
  neighbours: NeighbourSetName;
  trendPoints: number;
  target?: number | null;
}

const seriesKey = (series: Series) => `${series.areaCode}|${series.measure.code}`;
const figuresOf = (series: Series, loaders: OutcomeLoaders): Promise<Figure[]> =>
  series.figures ? Promise.resolve(series.figures) : loaders.seriesFigures.load(seriesKey(series));
const publishedWithValue = (figures: readonly Figure[]) => figures.filter((f) => f.kind === "published" && f.value !== null);

const polarityEnum = (polarity: Measure["polarity"]) => (polarity === "high" ? "HIGHER_IS_BETTER" : polarity === "low" ? "LOWER_IS_BETTER" : null);
const upper = (value: string | null) => (value === null ? null : value.toUpperCase().replace(/-/g, "_"));

/**
 * The resolvers every outcomes deployment shares; names differ per deployment
 * (EducationProfile / CareProfile ...), behaviour does not (see buildResolvers).
 */
export const outcomeResolvers = {
  /** `type Authority @interfaceObject`: every authority has a profile, even one with no figures yet */
  Authority: {
    __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
  },
  profile: (authority: { code: string }): Profile => ({ areaCode: authority.code }),
  /**
   * `Authority.<subgraph>AuditLog`, reached through `_entities`: authorised here, per
   * authority (its own editors and admins); a refused authority gets null and an error.
   */
  auditLog: (authority: { code: string }, args: { limit?: number | null }, { identity, dataSource }: OutcomeContext) =>
    readAuditLog(dataSource.manager, identity, authority.code, args.limit ?? 50),

  /** `Mutation.record<Subgraph>LocalFigure` / `delete<Subgraph>LocalFigure`: the field name is the audited operation */
  Mutation: {
    recordLocalFigure: (_root: unknown, args: { input: LocalFigureInput }, context: OutcomeContext, info: GraphQLResolveInfo) =>
      recordLocalFigure(context, info.fieldName, args.input),
    deleteLocalFigure: (_root: unknown, args: { id: string }, context: OutcomeContext, info: GraphQLResolveInfo) =>
      deleteLocalFigure(context, info.fieldName, args.id),
  },

  Profile: {
    measures: async (profile: Profile, args: { codes?: readonly string[] | null; topic?: string | null }, { loaders, work }: OutcomeContext, info?: GraphQLResolveInfo) => {
      const codes = await loaders.measureCodesByArea.load({ areaCode: profile.areaCode, measureCodes: args.codes ?? null });
      const measures = await loaders.measureByCode.loadMany(codes);
      // a batch that failed (a stopped request, a database error) fails the list, rather than shortening it
      const failed = measures.find((m): m is Error => m instanceof Error);
      if (failed) throw failed;
      const list = measures
        .filter((m): m is Measure => m !== null && !(m instanceof Error) && (!args.topic || m.topic === args.topic))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((measure): Series => ({ measure, areaCode: profile.areaCode }));
      // comparisons asked for: what the import stored for the authority's series (one batched statement with every other
      // authority's list, only the columns the comparisons' fields read) and the areas are read first, so that each comparison
      // is built at once, with nothing to wait for (measured: about half the CPU of every authority × every measure, where
      // each of ~39,000 comparisons used to wait on loaders of its own) (called directly, without `info`, nothing is read ahead)
      const asked = list.length > 0 && info ? selectedFields(info, "comparison") : null;
      if (asked) {
        const key = { areaCode: profile.areaCode, measureCodes: args.codes ?? null, columns: storedColumnsFor(asked) };
        const [stored, areas] = await Promise.all([loaders.storedComparisonsByArea.load(key), loaders.areas.load("all")]);
        // built at once, in the request's turn: a few hundred comparisons a turn of the event loop, other work let in between
        await work.turnForList(list.length);
        for (const series of list) series.readAhead = { stored: stored.get(series.measure.code) ?? null, areas };
      }
      return list;
    },
    localFigures: (profile: Profile, _args: unknown, { loaders }: OutcomeContext) => loaders.localFiguresByArea.load(profile.areaCode),
  },

  Series: {
    figures: (series: Series, _args: unknown, { loaders }: OutcomeContext) => figuresOf(series, loaders),
    /** the most recent published figure that has a value */
    latest: async (series: Series, _args: unknown, { loaders }: OutcomeContext) => publishedWithValue(await figuresOf(series, loaders)).at(-1) ?? null,
    comparison: (series: Series, args: ComparisonArgs, context: OutcomeContext) => {
      if (!Number.isInteger(args.trendPoints) || args.trendPoints < 5 || args.trendPoints > 50) {
        // rejected, not thrown: a field of a long list fails like its siblings that wait on loaders
        return Promise.reject(new GraphQLError(`trendPoints must be a whole number from 5 to 50 (got ${args.trendPoints})`, { extensions: { code: "BAD_USER_INPUT" } }));
      }
      // the series itself only for another number of trend points (or when it is already loaded)
      const needSeries = series.figures !== undefined || args.trendPoints !== DEFAULT_TREND_POINTS;
      if (series.readAhead && !needSeries) {
        // a unit of work, done at once (its list waited for its turn)
        context.work.unitDone();
        return comparisonOf(series, args, context.loaders, series.readAhead.stored, series.readAhead.areas, null);
      }
      return readComparison(series, args, context, needSeries);
    },
  },

  IndicatorOutcome: {
    __resolveReference: (ref: IndicatorOutcome): IndicatorOutcome => ({ authorityCode: ref.authorityCode, measureCode: ref.measureCode, target: ref.target ?? null }),
    measure: (outcome: IndicatorOutcome, _args: unknown, { loaders }: OutcomeContext) => loaders.measureByCode.load(outcome.measureCode),
    series: async (outcome: IndicatorOutcome, _args: unknown, { loaders }: OutcomeContext): Promise<Series | null> => {
      const measure = await loaders.measureByCode.load(outcome.measureCode);
      if (!measure) return null;
      const figures = await loaders.seriesFigures.load(`${outcome.authorityCode}|${outcome.measureCode}`);
      return { measure, figures, areaCode: outcome.authorityCode, target: outcome.target };
    },
  },

  Measure: {
    __resolveReference: (ref: { code: string }, { loaders }: OutcomeContext) => loaders.measureByCode.load(ref.code),
    polarity: (measure: Measure) => polarityEnum(measure.polarity),
  },

  // the fields whose values may be promises (getters that load) have resolvers of their own: execution is compiled
  // (buildSubgraphServer's `compiled`), and a field without a resolver is read as a plain value there
  Comparison: {
    polarity: (comparison: { polarity: Measure["polarity"] }) => polarityEnum(comparison.polarity),
    latest: (comparison: { latest: Figure | null | Promise<Figure | null> }) => comparison.latest,
  },
  NeighbourComparison: {
    values: (neighbours: { values: unknown }) => neighbours.values,
  },

  OutcomeFigure: {
    kind: (figure: Figure) => upper(figure.kind),
    /** its own source, then every further document that states the same local figure */
    sources: async (figure: Figure, _args: unknown, { loaders }: OutcomeContext) =>
      figure.kind === "local" ? [figure.source, ...(await loaders.furtherSourcesByFigure.load(figure.id)).map((s) => s.source)] : [figure.source],
    period: (figure: Figure) => ({
      label: figure.periodLabel,
      kind: upper(figure.periodKind),
      status: upper(figure.periodStatus),
      startYear: figure.periodStartYear,
      endYear: figure.periodEndYear,
      start: figure.periodStart,
      end: figure.periodEnd,
    }),
  },

  SourceDocument: {
    owner: (document: OutcomeDocument) =>
      document.owner === PUBLISHED_OWNER ? { kind: "PUBLISHED", authorityCode: null }
      : document.owner === UNASSIGNED_OWNER ? { kind: "UNASSIGNED", authorityCode: null }
      : { kind: "AUTHORITY", authorityCode: document.owner },
  },

  Source: {
    document: async (source: { document: string }, _args: unknown, { loaders }: OutcomeContext) => {
      const document = await loaders.documentByKey.load(source.document);
      if (!document) throw new Error(`source document ${source.document} is missing`);
      return document;
    },
  },
};

/** A series' comparison from what the import stored, the areas, and (for another number of trend points) its published figures. */
function comparisonOf(series: Series, args: ComparisonArgs, loaders: OutcomeLoaders, stored: StoredComparison | null, areas: Areas, published: Figure[] | null) {
  return compare({
    measure: series.measure,
    areaCode: series.areaCode,
    published,
    stored,
    loadFigure: (id) => loaders.figureById.load(id),
    loadNeighbours: () => loaders.neighboursOf.load(`${neighbourSetIds[args.neighbours]}|${series.areaCode}`),
    areas: areas.byCode,
    localAuthorities: areas.localAuthorities,
    neighbourSet: args.neighbours,
    trendPoints: args.trendPoints,
    target: args.target ?? series.target ?? null,
  });
}

/** A comparison whose parts its list did not read ahead (an indicator's series), or that needs the series' figures. */
async function readComparison(series: Series, args: ComparisonArgs, { loaders, work }: OutcomeContext, needSeries: boolean) {
  const [stored, areas, figures] = await Promise.all([
    series.readAhead ? series.readAhead.stored : loaders.storedComparisons.load(seriesKey(series)),
    series.readAhead ? series.readAhead.areas : loaders.areas.load("all"),
    needSeries ? figuresOf(series, loaders) : null,
  ]);
  // a unit of work: a stopped request (cancelled, over budget) computes no more comparisons, and a long list lets other work in
  await work.checkpoint();
  return comparisonOf(series, args, loaders, stored, areas, figures ? publishedWithValue(figures) : null);
}

/** `Query.<domain>Measures`: the measures held here, optionally of one topic */
const measures = (_parent: unknown, { topic }: { topic?: string | null }, { dataSource }: OutcomeContext) =>
  dataSource.getRepository(MeasureEntity).find({ where: topic ? { topic } : {}, order: { code: "ASC" } });

/** The template's resolvers under its neutral names (schema/domain.graphql), checked against its generated types. */
const neutral = {
  Query: { domainMeasures: measures } satisfies Pick<QueryResolvers, "domainMeasures">,
  Mutation: {
    recordDomainLocalFigure: outcomeResolvers.Mutation.recordLocalFigure,
    deleteDomainLocalFigure: outcomeResolvers.Mutation.deleteLocalFigure,
  } satisfies MutationResolvers,
  Authority: { ...outcomeResolvers.Authority, domain: outcomeResolvers.profile, domainAuditLog: outcomeResolvers.auditLog },
  DomainProfile: outcomeResolvers.Profile,
  DomainSeries: outcomeResolvers.Series,
  DomainMeasure: outcomeResolvers.Measure,
  DomainIndicatorOutcome: outcomeResolvers.IndicatorOutcome,
  Comparison: outcomeResolvers.Comparison,
  NeighbourComparison: outcomeResolvers.NeighbourComparison,
  OutcomeFigure: outcomeResolvers.OutcomeFigure,
  Source: outcomeResolvers.Source,
  SourceDocument: outcomeResolvers.SourceDocument,
};

const renamed = <T extends object>(deployment: OutcomeDeployment, object: T): Record<string, unknown> =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [instantiateName(deployment, key), value]));

/** A deployment's resolvers: the neutral ones under its type and field names (the same rule as its SDL). */
export function buildResolvers(deployment: OutcomeDeployment) {
  const types = renamed(deployment, neutral);
  for (const root of ["Query", "Mutation", "Authority"]) types[instantiateName(deployment, root)] = renamed(deployment, neutral[root as keyof typeof neutral]);
  return types;
}
