import type { GraphQLResolveInfo } from 'graphql';
import type { Measure as MeasureModel, Figure as FigureModel } from '@tees/subgraph-common/outcomes/entities';
import type { Profile as ProfileModel, Series as SeriesModel } from '@tees/subgraph-common/outcomes/resolvers';
import type { SourceColumns as SourceColumnsModel } from '@tees/subgraph-common/entities/SourceColumns';
import type { SourceDocument as SourceDocumentModel } from '@tees/subgraph-common/entities/SourceDocument';
import type { OutcomeContext } from '@tees/subgraph-common/outcomes/loaders';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Adds education outcomes to every authority, whichever subgraph owns its plans */
export type Authority = {
  __typename?: 'Authority';
  code: Scalars['ID']['output'];
  /** Education outcomes: attainment, early years, absence, suspensions and exclusions, SEN: published (DfE LAIT) figures and the authority's own local figures */
  education?: Maybe<EducationProfile>;
};

/** A published measure (DfE LAIT data dictionary), keyed by its code (LAIT 'Short Desc') */
export type EducationMeasure = {
  __typename?: 'EducationMeasure';
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

export type EducationProfile = {
  __typename?: 'EducationProfile';
  /** figures from the authority's own documents, whether or not they map to a published measure */
  localFigures: Array<OutcomeFigure>;
  /** measures with at least one figure for this authority: all, or those with the given codes or topic */
  measures: Array<EducationSeries>;
};


export type EducationProfileMeasuresArgs = {
  codes?: InputMaybe<Array<Scalars['ID']['input']>>;
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** One measure's figures for one authority, oldest first: published and local side by side */
export type EducationSeries = {
  __typename?: 'EducationSeries';
  figures: Array<OutcomeFigure>;
  /** the most recent published figure with a value */
  latest?: Maybe<OutcomeFigure>;
  measure: EducationMeasure;
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
  label: Scalars['String']['output'];
  /** YYYY-MM-DD where the measure's calendar makes it certain */
  start?: Maybe<Scalars['String']['output']>;
  startYear?: Maybe<Scalars['Int']['output']>;
  status?: Maybe<PeriodStatus>;
};

/** One figure: a published value or an authority's own, each with its source and period. A null value is not published or not stated, never zero. */
export type OutcomeFigure = {
  __typename?: 'OutcomeFigure';
  kind: FigureKind;
  /** the authority's own wording, for a local figure */
  label?: Maybe<Scalars['String']['output']>;
  period: FigurePeriod;
  source: Source;
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

export type Query = {
  __typename?: 'Query';
  /** Education measures held here, optionally of one LAIT topic */
  educationMeasures: Array<EducationMeasure>;
};


export type QueryEducationMeasuresArgs = {
  topic?: InputMaybe<Scalars['String']['input']>;
};

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
  publisher: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

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
  EducationMeasure: EducationMeasure;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Authority:
    ( { __typename: 'Authority' }
    & GraphQLRecursivePick<FederationTypes['Authority'], {"code":true}> );
  EducationMeasure:
    ( { __typename: 'EducationMeasure' }
    & GraphQLRecursivePick<FederationTypes['EducationMeasure'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Authority: ResolverTypeWrapper<Omit<Authority, 'education'> & { education?: Maybe<ResolversTypes['EducationProfile']> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  EducationMeasure: ResolverTypeWrapper<MeasureModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  EducationProfile: ResolverTypeWrapper<ProfileModel>;
  EducationSeries: ResolverTypeWrapper<SeriesModel>;
  FigureKind: FigureKind;
  FigurePeriod: ResolverTypeWrapper<FigurePeriod>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  OutcomeFigure: ResolverTypeWrapper<FigureModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  PeriodKind: PeriodKind;
  PeriodStatus: PeriodStatus;
  Polarity: Polarity;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Source: ResolverTypeWrapper<SourceColumnsModel>;
  SourceDocument: ResolverTypeWrapper<SourceDocumentModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Authority: Omit<Authority, 'education'> & { education?: Maybe<ResolversParentTypes['EducationProfile']> } | FederationReferenceTypes['Authority'];
  ID: Scalars['ID']['output'];
  EducationMeasure: MeasureModel;
  String: Scalars['String']['output'];
  EducationProfile: ProfileModel;
  EducationSeries: SeriesModel;
  FigurePeriod: FigurePeriod;
  Int: Scalars['Int']['output'];
  OutcomeFigure: FigureModel;
  Float: Scalars['Float']['output'];
  Query: Record<PropertyKey, never>;
  Source: SourceColumnsModel;
  SourceDocument: SourceDocumentModel;
  Boolean: Scalars['Boolean']['output'];
}>;

export type AuthorityResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['Authority'] = ResolversParentTypes['Authority'], FederationReferenceType extends FederationReferenceTypes['Authority'] = FederationReferenceTypes['Authority']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Authority']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  education?: Resolver<Maybe<ResolversTypes['EducationProfile']>, ParentType, ContextType>;
}>;

export type EducationMeasureResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['EducationMeasure'] = ResolversParentTypes['EducationMeasure'], FederationReferenceType extends FederationReferenceTypes['EducationMeasure'] = FederationReferenceTypes['EducationMeasure']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EducationMeasure']> | FederationReferenceType, FederationReferenceType, ContextType>;
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

export type EducationProfileResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['EducationProfile'] = ResolversParentTypes['EducationProfile']> = ResolversObject<{
  localFigures?: Resolver<Array<ResolversTypes['OutcomeFigure']>, ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['EducationSeries']>, ParentType, ContextType, Partial<EducationProfileMeasuresArgs>>;
}>;

export type EducationSeriesResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['EducationSeries'] = ResolversParentTypes['EducationSeries']> = ResolversObject<{
  figures?: Resolver<Array<ResolversTypes['OutcomeFigure']>, ParentType, ContextType>;
  latest?: Resolver<Maybe<ResolversTypes['OutcomeFigure']>, ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['EducationMeasure'], ParentType, ContextType>;
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

export type OutcomeFigureResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['OutcomeFigure'] = ResolversParentTypes['OutcomeFigure']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['FigureKind'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['FigurePeriod'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OutcomeContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  educationMeasures?: Resolver<Array<ResolversTypes['EducationMeasure']>, ParentType, ContextType, Partial<QueryEducationMeasuresArgs>>;
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
  publisher?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = OutcomeContext> = ResolversObject<{
  Authority?: AuthorityResolvers<ContextType>;
  EducationMeasure?: EducationMeasureResolvers<ContextType>;
  EducationProfile?: EducationProfileResolvers<ContextType>;
  EducationSeries?: EducationSeriesResolvers<ContextType>;
  FigurePeriod?: FigurePeriodResolvers<ContextType>;
  OutcomeFigure?: OutcomeFigureResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  SourceDocument?: SourceDocumentResolvers<ContextType>;
}>;

