import type { GraphQLResolveInfo } from 'graphql';
import type { Measure as MeasureModel, Figure as FigureModel, OutcomeDocument as OutcomeDocumentModel } from '../entities';
import type { Profile as ProfileModel, Series as SeriesModel, IndicatorOutcome as IndicatorOutcomeModel } from '../resolvers';
import type { SourceColumns as SourceColumnsModel } from '@tees/subgraph-common/entities/SourceColumns';
import type { OutcomeContext } from '../loaders';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** An area's published value for the compared period; null: not published */
export type AreaValue = {
  __typename?: 'AreaValue';
  areaCode: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

/** One successful write, as the audit log recorded it (in the same transaction as the write) */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** the token's subject */
  actor: Scalars['String']['output'];
  /** the record after the write, as JSON; null when it was deleted */
  after?: Maybe<Scalars['String']['output']>;
  /** when, ISO 8601 UTC */
  at: Scalars['String']['output'];
  authorityCode: Scalars['ID']['output'];
  /** the record before the write, as JSON; null when it was created */
  before?: Maybe<Scalars['String']['output']>;
  entityId: Scalars['ID']['output'];
  entityType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** the mutation, e.g. updateAction */
  operation: Scalars['String']['output'];
  role: Scalars['String']['output'];
};

/** Adds domain outcomes to every authority, whichever subgraph owns its plans */
export type Authority = {
  __typename?: 'Authority';
  code: Scalars['ID']['output'];
  /** Domain outcomes: TOPICS_SUMMARY: published (DfE LAIT) figures and the authority's own local figures */
  domain?: Maybe<DomainProfile>;
  /**
   * The domain subgraph's audit log for this authority (local figures recorded or deleted), newest
   * first: only this authority's editors and admins may read it. limit: 1 to 500.
   */
  domainAuditLog?: Maybe<Array<AuditEntry>>;
};


/** Adds domain outcomes to every authority, whichever subgraph owns its plans */
export type AuthorityDomainAuditLogArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** How an authority's latest published figure for a measure compares. Everything is for the period of that figure. */
export type Comparison = {
  __typename?: 'Comparison';
  authorityCode: Scalars['ID']['output'];
  england?: Maybe<AreaValue>;
  /** the authority's latest published figure with a value; null: none is published */
  latest?: Maybe<OutcomeFigure>;
  measureCode: Scalars['ID']['output'];
  /** how each part is worked out */
  method: Array<Scalars['String']['output']>;
  neighbours?: Maybe<NeighbourComparison>;
  polarity?: Maybe<Polarity>;
  rank?: Maybe<RankComparison>;
  region?: Maybe<AreaValue>;
  /** only when a target is given (argument, or the plan's target for an indicator) */
  target?: Maybe<TargetComparison>;
  trend: TrendComparison;
  /** why nothing could be compared, when latest is null */
  unavailable?: Maybe<Scalars['String']['output']>;
};

/** The owner of a source document, set when it is first held (by a seed file, the editor who described it, or a published import) and never changed through the API */
export type DocumentOwner = {
  __typename?: 'DocumentOwner';
  /** the owning authority's ONS code, when kind is AUTHORITY */
  authorityCode?: Maybe<Scalars['ID']['output']>;
  kind: DocumentOwnerKind;
};

export type DocumentOwnerKind =
  /** an authority's own document */
  | 'AUTHORITY'
  /** a published dataset (DfE LAIT): no editor adds to it */
  | 'PUBLISHED'
  /** held before owners were recorded, cited by several authorities' figures: no editor adds to it until an operator assigns it */
  | 'UNASSIGNED';

/**
 * A plan's performance indicator that maps to a published domain measure, for the
 * authority whose plan it is (reached from PerformanceIndicator.outcome): the measure,
 * the authority's series and its comparison, with the plan's target if it states one.
 */
export type DomainIndicatorOutcome = {
  __typename?: 'DomainIndicatorOutcome';
  authorityCode: Scalars['ID']['output'];
  /** null when this subgraph holds no such measure */
  measure?: Maybe<DomainMeasure>;
  measureCode: Scalars['ID']['output'];
  series?: Maybe<DomainSeries>;
  /** the plan's target figure for the indicator; null: the plan states none */
  target?: Maybe<Scalars['Float']['output']>;
};

/** A published measure (DfE LAIT data dictionary), keyed by its code (LAIT 'Short Desc') */
export type DomainMeasure = {
  __typename?: 'DomainMeasure';
  code: Scalars['ID']['output'];
  description?: Maybe<Scalars['String']['output']>;
  lastUpdate?: Maybe<Scalars['String']['output']>;
  methodology?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  nextUpdate?: Maybe<Scalars['String']['output']>;
  /** null: no judgement of which way is better */
  polarity?: Maybe<Polarity>;
  sourceLink?: Maybe<Scalars['String']['output']>;
  topic: Scalars['String']['output'];
  unit?: Maybe<Scalars['String']['output']>;
  yearType?: Maybe<Scalars['String']['output']>;
};

export type DomainProfile = {
  __typename?: 'DomainProfile';
  /** figures from the authority's own documents, whether or not they map to a published measure */
  localFigures: Array<OutcomeFigure>;
  /** measures with at least one figure for this authority: all, or those with the given codes or topic */
  measures: Array<DomainSeries>;
};


export type DomainProfileMeasuresArgs = {
  codes?: InputMaybe<Array<Scalars['ID']['input']>>;
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** One measure's figures for one authority, oldest first: published and local side by side */
export type DomainSeries = {
  __typename?: 'DomainSeries';
  /**
   * How the authority's latest published figure compares: England, its region and its
   * statistical neighbours (which set is part of the answer), rank and quartile band among
   * all authorities, trend, and a local target (this argument, or the plan's target when
   * reached from an indicator). Every part says why when it cannot be given.
   */
  comparison: Comparison;
  figures: Array<OutcomeFigure>;
  /** the most recent published figure with a value */
  latest?: Maybe<OutcomeFigure>;
  measure: DomainMeasure;
};


/** One measure's figures for one authority, oldest first: published and local side by side */
export type DomainSeriesComparisonArgs = {
  neighbours?: StatisticalNeighbourSet;
  target?: InputMaybe<Scalars['Float']['input']>;
  trendPoints?: Scalars['Int']['input'];
};

export type FigureKind =
  /** stated in the authority's own document */
  | 'LOCAL'
  /** published by DfE (LAIT) */
  | 'PUBLISHED';

/** A period as published (label) and normalised */
export type FigurePeriod = {
  __typename?: 'FigurePeriod';
  end?: Maybe<Scalars['String']['output']>;
  endYear?: Maybe<Scalars['Int']['output']>;
  kind: PeriodKind;
  /** as published; "date not stated" for a local figure whose document gives it no date (never a caption's or the document's date) */
  label: Scalars['String']['output'];
  /** YYYY-MM-DD where the measure's calendar makes it certain */
  start?: Maybe<Scalars['String']['output']>;
  startYear?: Maybe<Scalars['Int']['output']>;
  status?: Maybe<PeriodStatus>;
};

export type LocalFigureDocumentInput = {
  /** publication or 'as at' date: YYYY, YYYY-MM or YYYY-MM-DD */
  asAt?: InputMaybe<Scalars['String']['input']>;
  /** the date wording as printed */
  asAtText?: InputMaybe<Scalars['String']['input']>;
  /** file name in the source collection, or the document's address */
  location?: InputMaybe<Scalars['String']['input']>;
  publisher: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

/**
 * A figure from the authority's own document, as an editor of that authority records it.
 * The authority is always the editor's own (from the signed identity), never an argument.
 * Recording is create-or-replace by (source.document, key): the figure's id is
 * "<document key>/<key>", the same id a seed file gives it.
 */
export type LocalFigureInput = {
  /** the figure's key within its document, lower-case-hyphenated (e.g. gld-percent); with the document key it names the figure */
  key: Scalars['ID']['input'];
  /** the authority's own wording */
  label: Scalars['String']['input'];
  /** the published measure (LAIT code) this figure is for, if one fits: it must be a measure this subgraph holds; null: none fits */
  measureCode?: InputMaybe<Scalars['ID']['input']>;
  period: LocalFigurePeriodInput;
  source: LocalFigureSourceInput;
  unit: Scalars['String']['input'];
  /** null: the document gives no figure (never 0 for a missing value) */
  value?: InputMaybe<Scalars['Float']['input']>;
};

export type LocalFigurePeriodInput = {
  /** YYYY, YYYY-MM or YYYY-MM-DD; not before start */
  end?: InputMaybe<Scalars['String']['input']>;
  /** as the document prints it, e.g. 2023/24 or As at 31/07/2024 */
  label: Scalars['String']['input'];
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  start?: InputMaybe<Scalars['String']['input']>;
};

export type LocalFigureSourceInput = {
  /** the key of the authority's document, lower-case-hyphenated */
  document: Scalars['ID']['input'];
  /**
   * The document's description: required when the document is not held yet, and then
   * recorded with the figure. For a document already held, give it only as held (or omit it):
   * a different description is refused rather than silently ignored.
   */
  newDocument?: InputMaybe<LocalFigureDocumentInput>;
  /** the document's own words, where they help to check the figure */
  quote?: InputMaybe<Scalars['String']['input']>;
  section: Scalars['String']['input'];
};

/** Changes to the signed-in editor's own authority's local domain figures; every one is audited in the same transaction */
export type Mutation = {
  __typename?: 'Mutation';
  /** Deletes a local figure of the editor's own authority; returns its id */
  deleteDomainLocalFigure: Scalars['ID']['output'];
  /**
   * Creates or replaces a local figure of the editor's own authority (the identity's, never an
   * argument), keyed by (source.document, key). Published figures are never touched.
   */
  recordDomainLocalFigure: OutcomeFigure;
};


/** Changes to the signed-in editor's own authority's local domain figures; every one is audited in the same transaction */
export type MutationDeleteDomainLocalFigureArgs = {
  id: Scalars['ID']['input'];
};


/** Changes to the signed-in editor's own authority's local domain figures; every one is audited in the same transaction */
export type MutationRecordDomainLocalFigureArgs = {
  input: LocalFigureInput;
};

export type NeighbourComparison = {
  __typename?: 'NeighbourComparison';
  /** of the neighbours with a published value for the period */
  mean?: Maybe<Scalars['Float']['output']>;
  median?: Maybe<Scalars['Float']['output']>;
  set: NeighbourSetInfo;
  values: Array<NeighbourValue>;
  withValue: Scalars['Int']['output'];
};

/** Which statistical-neighbour set an answer used, and its date */
export type NeighbourSetInfo = {
  __typename?: 'NeighbourSetInfo';
  label: Scalars['String']['output'];
  /** YYYY-MM */
  publishedAt: Scalars['String']['output'];
  set: StatisticalNeighbourSet;
};

export type NeighbourValue = {
  __typename?: 'NeighbourValue';
  areaCode: Scalars['ID']['output'];
  closeness?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  rank: Scalars['Int']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

/** One figure: a published value or an authority's own, each with its source and period. A null value is not published or not stated, never zero. */
export type OutcomeFigure = {
  __typename?: 'OutcomeFigure';
  /** local: <document key>/<figure key> (what deleting a local figure takes); published: lait/<measure>/<area>/<period> */
  id: Scalars['ID']['output'];
  kind: FigureKind;
  /** the authority's own wording, for a local figure */
  label?: Maybe<Scalars['String']['output']>;
  period: FigurePeriod;
  /** the document the figure is held under (for a local figure, the file it was recorded from) */
  source: Source;
  /** every document that states the figure: its own source first, then any other document of the authority that prints the same figure */
  sources: Array<Source>;
  unit?: Maybe<Scalars['String']['output']>;
  value?: Maybe<Scalars['Float']['output']>;
};

export type PeriodKind =
  | 'ACADEMIC_YEAR'
  | 'CALENDAR_YEAR'
  | 'FINANCIAL_YEAR'
  | 'MULTI_YEAR'
  | 'UNKNOWN';

export type PeriodStatus =
  | 'FINAL'
  | 'OUTTURN'
  | 'PROVISIONAL'
  | 'REVISED';

/** Which way is better for a measure; null on a measure means no judgement is made */
export type Polarity =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER';

/** A quarter of all authorities' values: A the best, D the worst (by the measure's polarity) */
export type QuartileBand =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

export type Query = {
  __typename?: 'Query';
  /** Domain measures held here, optionally of one LAIT topic */
  domainMeasures: Array<DomainMeasure>;
};


export type QueryDomainMeasuresArgs = {
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** Red, amber, green against a local target */
export type Rag =
  | 'AMBER'
  | 'GREEN'
  | 'RED';

export type RankComparison = {
  __typename?: 'RankComparison';
  /** null: see noBand */
  band?: Maybe<QuartileBand>;
  /** true when figures are held for every English local authority; false with a regional extract, and then note says so */
  national: Scalars['Boolean']['output'];
  noBand?: Maybe<Scalars['String']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  order: RankOrder;
  /** local authorities with a published value for the period */
  outOf: Scalars['Int']['output'];
  position: Scalars['Int']['output'];
  /** lower quartile, median, upper quartile of the values ranked */
  quartiles?: Maybe<Array<Scalars['Float']['output']>>;
};

export type RankOrder =
  /** 1 = the best value by the measure's polarity */
  | 'BEST_FIRST'
  /** 1 = the highest value; the measure has no polarity, so this is an order, not a judgement */
  | 'HIGHEST_FIRST';

/** Where a fact came from: the document, the section, and the document's own words where useful. */
export type Source = {
  __typename?: 'Source';
  document: SourceDocument;
  quote?: Maybe<Scalars['String']['output']>;
  section: Scalars['String']['output'];
};

/** A document a fact comes from: an authority's own plan or report, or a published dataset. */
export type SourceDocument = {
  __typename?: 'SourceDocument';
  /** publication or 'as at' date as far as the document states it (YYYY, YYYY-MM or YYYY-MM-DD) */
  asAt?: Maybe<Scalars['String']['output']>;
  /** the date wording as printed */
  asAtText?: Maybe<Scalars['String']['output']>;
  key: Scalars['ID']['output'];
  /** file name in the source collection, or the dataset's address */
  location?: Maybe<Scalars['String']['output']>;
  /** who the document belongs to: only the owning authority's editors add figures that cite it */
  owner: DocumentOwner;
  publisher: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** A published set of DfE statistical neighbours (each authority's ten most similar authorities) */
export type StatisticalNeighbourSet =
  /** published April 2021 */
  | 'APRIL_2021'
  /** published May 2025 (the newest) */
  | 'MAY_2025';

export type TargetComparison = {
  __typename?: 'TargetComparison';
  /** null: see reason */
  rag?: Maybe<Rag>;
  reason?: Maybe<Scalars['String']['output']>;
  target: Scalars['Float']['output'];
};

export type TrendComparison = {
  __typename?: 'TrendComparison';
  /** null: see reason */
  direction?: Maybe<TrendDirection>;
  fromPeriod?: Maybe<Scalars['String']['output']>;
  /** published values the trend is over */
  points: Scalars['Int']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  slopePerYear?: Maybe<Scalars['Float']['output']>;
  tStatistic?: Maybe<Scalars['Float']['output']>;
  toPeriod?: Maybe<Scalars['String']['output']>;
};

export type TrendDirection =
  | 'IMPROVING'
  /** the slope is not significant at 5% */
  | 'NO_SIGNIFICANT_CHANGE'
  | 'WORSENING';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Authority: Authority;
  DomainIndicatorOutcome: DomainIndicatorOutcome;
  DomainMeasure: DomainMeasure;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Authority:
    ( { __typename: 'Authority' }
    & GraphQLRecursivePick<FederationTypes['Authority'], {"code":true}> );
  DomainIndicatorOutcome:
    ( { __typename: 'DomainIndicatorOutcome' }
    & GraphQLRecursivePick<FederationTypes['DomainIndicatorOutcome'], {"authorityCode":true,"measureCode":true,"target":true}> );
  DomainMeasure:
    ( { __typename: 'DomainMeasure' }
    & GraphQLRecursivePick<FederationTypes['DomainMeasure'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AreaValue: ResolverTypeWrapper<AreaValue>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  Authority: ResolverTypeWrapper<Omit<Authority, 'domain'> & { domain?: Maybe<ResolversTypes['DomainProfile']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Comparison: ResolverTypeWrapper<Omit<Comparison, 'latest'> & { latest?: Maybe<ResolversTypes['OutcomeFigure']> }>;
  DocumentOwner: ResolverTypeWrapper<DocumentOwner>;
  DocumentOwnerKind: DocumentOwnerKind;
  DomainIndicatorOutcome: ResolverTypeWrapper<IndicatorOutcomeModel>;
  DomainMeasure: ResolverTypeWrapper<MeasureModel>;
  DomainProfile: ResolverTypeWrapper<ProfileModel>;
  DomainSeries: ResolverTypeWrapper<SeriesModel>;
  FigureKind: FigureKind;
  FigurePeriod: ResolverTypeWrapper<FigurePeriod>;
  LocalFigureDocumentInput: LocalFigureDocumentInput;
  LocalFigureInput: LocalFigureInput;
  LocalFigurePeriodInput: LocalFigurePeriodInput;
  LocalFigureSourceInput: LocalFigureSourceInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NeighbourComparison: ResolverTypeWrapper<NeighbourComparison>;
  NeighbourSetInfo: ResolverTypeWrapper<NeighbourSetInfo>;
  NeighbourValue: ResolverTypeWrapper<NeighbourValue>;
  OutcomeFigure: ResolverTypeWrapper<FigureModel>;
  PeriodKind: PeriodKind;
  PeriodStatus: PeriodStatus;
  Polarity: Polarity;
  QuartileBand: QuartileBand;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Rag: Rag;
  RankComparison: ResolverTypeWrapper<RankComparison>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  RankOrder: RankOrder;
  Source: ResolverTypeWrapper<SourceColumnsModel>;
  SourceDocument: ResolverTypeWrapper<OutcomeDocumentModel>;
  StatisticalNeighbourSet: StatisticalNeighbourSet;
  TargetComparison: ResolverTypeWrapper<TargetComparison>;
  TrendComparison: ResolverTypeWrapper<TrendComparison>;
  TrendDirection: TrendDirection;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AreaValue: AreaValue;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Float: Scalars['Float']['output'];
  AuditEntry: AuditEntry;
  Authority: Omit<Authority, 'domain'> & { domain?: Maybe<ResolversParentTypes['DomainProfile']> } | FederationReferenceTypes['Authority'];
  Int: Scalars['Int']['output'];
  Comparison: Omit<Comparison, 'latest'> & { latest?: Maybe<ResolversParentTypes['OutcomeFigure']> };
  DocumentOwner: DocumentOwner;
  DomainIndicatorOutcome: IndicatorOutcomeModel;
  DomainMeasure: MeasureModel;
  DomainProfile: ProfileModel;
  DomainSeries: SeriesModel;
  FigurePeriod: FigurePeriod;
  LocalFigureDocumentInput: LocalFigureDocumentInput;
  LocalFigureInput: LocalFigureInput;
  LocalFigurePeriodInput: LocalFigurePeriodInput;
  LocalFigureSourceInput: LocalFigureSourceInput;
  Mutation: Record<PropertyKey, never>;
  NeighbourComparison: NeighbourComparison;
  NeighbourSetInfo: NeighbourSetInfo;
  NeighbourValue: NeighbourValue;
  OutcomeFigure: FigureModel;
  Query: Record<PropertyKey, never>;
  RankComparison: RankComparison;
  Boolean: Scalars['Boolean']['output'];
  Source: SourceColumnsModel;
  SourceDocument: OutcomeDocumentModel;
  TargetComparison: TargetComparison;
  TrendComparison: TrendComparison;
}>;

export type AreaValueResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['AreaValue'] = ResolversParentTypes['AreaValue']> = ResolversObject<{
  areaCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type AuditEntryResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  authorityCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuthorityResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['Authority'] = ResolversParentTypes['Authority'], FederationReferenceType extends FederationReferenceTypes['Authority'] = FederationReferenceTypes['Authority']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Authority']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  domain?: Resolver<Maybe<ResolversTypes['DomainProfile']>, ParentType, ContextType>;
  domainAuditLog?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType, RequireFields<AuthorityDomainAuditLogArgs, 'limit'>>;
}>;

export type ComparisonResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['Comparison'] = ResolversParentTypes['Comparison']> = ResolversObject<{
  authorityCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  england?: Resolver<Maybe<ResolversTypes['AreaValue']>, ParentType, ContextType>;
  latest?: Resolver<Maybe<ResolversTypes['OutcomeFigure']>, ParentType, ContextType>;
  measureCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  neighbours?: Resolver<Maybe<ResolversTypes['NeighbourComparison']>, ParentType, ContextType>;
  polarity?: Resolver<Maybe<ResolversTypes['Polarity']>, ParentType, ContextType>;
  rank?: Resolver<Maybe<ResolversTypes['RankComparison']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['AreaValue']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['TargetComparison']>, ParentType, ContextType>;
  trend?: Resolver<ResolversTypes['TrendComparison'], ParentType, ContextType>;
  unavailable?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DocumentOwnerResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['DocumentOwner'] = ResolversParentTypes['DocumentOwner']> = ResolversObject<{
  authorityCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentOwnerKind'], ParentType, ContextType>;
}>;

export type DomainIndicatorOutcomeResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['DomainIndicatorOutcome'] = ResolversParentTypes['DomainIndicatorOutcome'], FederationReferenceType extends FederationReferenceTypes['DomainIndicatorOutcome'] = FederationReferenceTypes['DomainIndicatorOutcome']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DomainIndicatorOutcome']> | FederationReferenceType, FederationReferenceType, ContextType>;
  authorityCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measure?: Resolver<Maybe<ResolversTypes['DomainMeasure']>, ParentType, ContextType>;
  measureCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  series?: Resolver<Maybe<ResolversTypes['DomainSeries']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type DomainMeasureResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['DomainMeasure'] = ResolversParentTypes['DomainMeasure'], FederationReferenceType extends FederationReferenceTypes['DomainMeasure'] = FederationReferenceTypes['DomainMeasure']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DomainMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUpdate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  methodology?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextUpdate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  polarity?: Resolver<Maybe<ResolversTypes['Polarity']>, ParentType, ContextType>;
  sourceLink?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  yearType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DomainProfileResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['DomainProfile'] = ResolversParentTypes['DomainProfile']> = ResolversObject<{
  localFigures?: Resolver<Array<ResolversTypes['OutcomeFigure']>, ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['DomainSeries']>, ParentType, ContextType, Partial<DomainProfileMeasuresArgs>>;
}>;

export type DomainSeriesResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['DomainSeries'] = ResolversParentTypes['DomainSeries']> = ResolversObject<{
  comparison?: Resolver<ResolversTypes['Comparison'], ParentType, ContextType, RequireFields<DomainSeriesComparisonArgs, 'neighbours' | 'trendPoints'>>;
  figures?: Resolver<Array<ResolversTypes['OutcomeFigure']>, ParentType, ContextType>;
  latest?: Resolver<Maybe<ResolversTypes['OutcomeFigure']>, ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['DomainMeasure'], ParentType, ContextType>;
}>;

export type FigurePeriodResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['FigurePeriod'] = ResolversParentTypes['FigurePeriod']> = ResolversObject<{
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PeriodKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['PeriodStatus']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  deleteDomainLocalFigure?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteDomainLocalFigureArgs, 'id'>>;
  recordDomainLocalFigure?: Resolver<ResolversTypes['OutcomeFigure'], ParentType, ContextType, RequireFields<MutationRecordDomainLocalFigureArgs, 'input'>>;
}>;

export type NeighbourComparisonResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['NeighbourComparison'] = ResolversParentTypes['NeighbourComparison']> = ResolversObject<{
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  median?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  set?: Resolver<ResolversTypes['NeighbourSetInfo'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['NeighbourValue']>, ParentType, ContextType>;
  withValue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type NeighbourSetInfoResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['NeighbourSetInfo'] = ResolversParentTypes['NeighbourSetInfo']> = ResolversObject<{
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  set?: Resolver<ResolversTypes['StatisticalNeighbourSet'], ParentType, ContextType>;
}>;

export type NeighbourValueResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['NeighbourValue'] = ResolversParentTypes['NeighbourValue']> = ResolversObject<{
  areaCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  closeness?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type OutcomeFigureResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['OutcomeFigure'] = ResolversParentTypes['OutcomeFigure']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FigureKind'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['FigurePeriod'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  domainMeasures?: Resolver<Array<ResolversTypes['DomainMeasure']>, ParentType, ContextType, Partial<QueryDomainMeasuresArgs>>;
}>;

export type RankComparisonResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['RankComparison'] = ResolversParentTypes['RankComparison']> = ResolversObject<{
  band?: Resolver<Maybe<ResolversTypes['QuartileBand']>, ParentType, ContextType>;
  national?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  noBand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['RankOrder'], ParentType, ContextType>;
  outOf?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quartiles?: Resolver<Maybe<Array<ResolversTypes['Float']>>, ParentType, ContextType>;
}>;

export type SourceResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = ResolversObject<{
  document?: Resolver<ResolversTypes['SourceDocument'], ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  section?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SourceDocumentResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['SourceDocument'] = ResolversParentTypes['SourceDocument']> = ResolversObject<{
  asAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  asAtText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['DocumentOwner'], ParentType, ContextType>;
  publisher?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TargetComparisonResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['TargetComparison'] = ResolversParentTypes['TargetComparison']> = ResolversObject<{
  rag?: Resolver<Maybe<ResolversTypes['Rag']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type TrendComparisonResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['TrendComparison'] = ResolversParentTypes['TrendComparison']> = ResolversObject<{
  direction?: Resolver<Maybe<ResolversTypes['TrendDirection']>, ParentType, ContextType>;
  fromPeriod?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  slopePerYear?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tStatistic?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  toPeriod?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = OutcomeContext> = ResolversObject<{
  AreaValue?: AreaValueResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Authority?: AuthorityResolvers<ContextType>;
  Comparison?: ComparisonResolvers<ContextType>;
  DocumentOwner?: DocumentOwnerResolvers<ContextType>;
  DomainIndicatorOutcome?: DomainIndicatorOutcomeResolvers<ContextType>;
  DomainMeasure?: DomainMeasureResolvers<ContextType>;
  DomainProfile?: DomainProfileResolvers<ContextType>;
  DomainSeries?: DomainSeriesResolvers<ContextType>;
  FigurePeriod?: FigurePeriodResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NeighbourComparison?: NeighbourComparisonResolvers<ContextType>;
  NeighbourSetInfo?: NeighbourSetInfoResolvers<ContextType>;
  NeighbourValue?: NeighbourValueResolvers<ContextType>;
  OutcomeFigure?: OutcomeFigureResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RankComparison?: RankComparisonResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  SourceDocument?: SourceDocumentResolvers<ContextType>;
  TargetComparison?: TargetComparisonResolvers<ContextType>;
  TrendComparison?: TrendComparisonResolvers<ContextType>;
}>;

