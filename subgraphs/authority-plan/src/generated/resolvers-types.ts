import type { GraphQLResolveInfo } from 'graphql';
import type { Plan as PlanModel, PlanStatement as PlanStatementModel, Principle as PrincipleModel, Priority as PriorityModel, OutcomeStatement as OutcomeStatementModel, PerformanceIndicator as PerformanceIndicatorModel, Action as ActionModel, ProgressNote as ProgressNoteModel, LeadGroup as LeadGroupModel, LinkedPlan as LinkedPlanModel, ContextFigure as ContextFigureModel, Inspection as InspectionModel, Finding as FindingModel, Membership as MembershipModel, GlossaryEntry as GlossaryEntryModel, PlanStatus as PlanStatusModel, PlanScope as PlanScopeModel, SourceDocument as SourceDocumentModel, AuditEntry as AuditEntryModel } from '../entities';
import type { StatedValueColumns as StatedValueColumnsModel } from '../entities/PerformanceIndicator';
import type { PrintedFigure as PrintedFigureModel } from '../entities/Evidence';
import type { SourceColumns as SourceColumnsModel } from '@tees/subgraph-common/entities/SourceColumns';
import type { PlanMutationsNamespace as PlanMutationsNamespaceModel } from '../resolvers/PlanMutations';
import type { PlanContext } from '../context';
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

export type Action = {
  __typename?: 'Action';
  id: Scalars['ID']['output'];
  /** the same, each with how the link is known */
  leadGroupLinks: Array<ActionLeadGroupLink>;
  /** includeInferred false: only groups the document states lead the action */
  leadGroups: Array<LeadGroup>;
  linkedPlans: Array<LinkedPlan>;
  /**
   * true: a passage of the document's narrative (e.g. work a progress report describes beyond its
   * plan's commitments) stored as an action; not a commitment the plan makes
   */
  narrative: Scalars['Boolean']['output'];
  /** what is uncertain in the source */
  note?: Maybe<Scalars['String']['output']>;
  plan: Plan;
  principles: Array<Principle>;
  /** every priority the action serves; includeInferred false: only those the document states */
  priorities: Array<Priority>;
  /** the same, each with how the link is known */
  priorityLinks: Array<ActionPriorityLink>;
  progress: Array<ProgressNote>;
  source: Source;
  status?: Maybe<Scalars['String']['output']>;
  themes: Array<Theme>;
  timescale?: Maybe<Timescale>;
  title: Scalars['String']['output'];
};


export type ActionLeadGroupLinksArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};


export type ActionLeadGroupsArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};


export type ActionPrioritiesArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};


export type ActionPriorityLinksArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An action's link to a group that leads it, with how the link is known */
export type ActionLeadGroupLink = {
  __typename?: 'ActionLeadGroupLink';
  basis: LinkBasis;
  leadGroup: LeadGroup;
};

/** An action's link to a priority it serves, with how the link is known */
export type ActionPriorityLink = {
  __typename?: 'ActionPriorityLink';
  basis: LinkBasis;
  priority: Priority;
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

/** The plan fields of an authority. Null where the authority runs no plan subgraph (or it is unavailable). */
export type Authority = {
  /** Key actions across all the authority's plans, optionally only those tagged with a theme; includeNarrative false: commitments only (see Action.narrative) */
  actions?: Maybe<Array<Action>>;
  /**
   * Every change made to the authority's plans, newest first: who, when, what (the record
   * before and after, as JSON). Only the authority's own editors and admins may read it.
   */
  auditLog?: Maybe<Array<AuditEntry>>;
  code: Scalars['ID']['output'];
  /** Findings and evidence across the authority's documents, in document order, optionally of one kind */
  findings?: Maybe<Array<Finding>>;
  /**
   * Terms and expansions the authority's documents define. With term: the entries whose term
   * equals it ignoring case (or starts with it, with prefix: true); term is at most 100 characters.
   */
  glossary?: Maybe<Array<GlossaryEntry>>;
  /** Boards, partnerships, lead groups, teams and voice groups named in the authority's plans */
  groups?: Maybe<Array<LeadGroup>>;
  /** Inspections, reviews and regulatory judgements the authority's documents name, held and expected: newest first by date, undated last */
  inspections?: Maybe<Array<Inspection>>;
  /**
   * The most recent held inspection or review, by its date, whose judgement a document states
   * (e.g. Ofsted's 'requires improvement'): for comparing authorities. Null when none is recorded.
   */
  latestJudgement?: Maybe<Inspection>;
  /** Plans and strategies that the authority's plans link their actions to */
  linkedPlans?: Maybe<Array<LinkedPlan>>;
  /** Members of partnerships and boards as the authority's documents list them */
  memberships?: Maybe<Array<Membership>>;
  /** Plans, strategies and progress reports the authority has published, newest first */
  plans?: Maybe<Array<Plan>>;
  /** Priorities across all the authority's plans, optionally only those tagged with a theme */
  priorities?: Maybe<Array<Priority>>;
};


/** The plan fields of an authority. Null where the authority runs no plan subgraph (or it is unavailable). */
export type AuthorityActionsArgs = {
  includeNarrative?: InputMaybe<Scalars['Boolean']['input']>;
  theme?: InputMaybe<Scalars['ID']['input']>;
};


/** The plan fields of an authority. Null where the authority runs no plan subgraph (or it is unavailable). */
export type AuthorityAuditLogArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/** The plan fields of an authority. Null where the authority runs no plan subgraph (or it is unavailable). */
export type AuthorityFindingsArgs = {
  kind?: InputMaybe<FindingKind>;
};


/** The plan fields of an authority. Null where the authority runs no plan subgraph (or it is unavailable). */
export type AuthorityGlossaryArgs = {
  prefix?: InputMaybe<Scalars['Boolean']['input']>;
  term?: InputMaybe<Scalars['String']['input']>;
};


/** The plan fields of an authority. Null where the authority runs no plan subgraph (or it is unavailable). */
export type AuthorityGroupsArgs = {
  kind?: InputMaybe<GroupKind>;
};


/** The plan fields of an authority. Null where the authority runs no plan subgraph (or it is unavailable). */
export type AuthorityInspectionsArgs = {
  status?: InputMaybe<InspectionStatus>;
};


/** The plan fields of an authority. Null where the authority runs no plan subgraph (or it is unavailable). */
export type AuthorityPrioritiesArgs = {
  theme?: InputMaybe<Scalars['ID']['input']>;
};

export type CareIndicatorOutcome = {
  __typename?: 'CareIndicatorOutcome';
  authorityCode: Scalars['ID']['output'];
  measureCode: Scalars['ID']['output'];
  target?: Maybe<Scalars['Float']['output']>;
};

export type ContextFigure = {
  __typename?: 'ContextFigure';
  asAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  periodText?: Maybe<Scalars['String']['output']>;
  source: Source;
  unit: Scalars['String']['output'];
  /** null where the plan states no figure */
  value?: Maybe<Scalars['Float']['output']>;
};

export type CreateActionInput = {
  /** how the links to leadGroupIds are known (default STATED) */
  leadGroupBasis?: InputMaybe<LinkBasisInput>;
  /** lead groups of this authority (from any of its plans) that lead the action */
  leadGroupIds?: Array<Scalars['ID']['input']>;
  /** true: a passage of the document's narrative, not a commitment (default false) */
  narrative?: InputMaybe<Scalars['Boolean']['input']>;
  /** what is uncertain in the source */
  note?: InputMaybe<Scalars['String']['input']>;
  planId: Scalars['ID']['input'];
  /** how the links to priorityIds are known (default STATED) */
  priorityBasis?: InputMaybe<LinkBasisInput>;
  /** priorities of the same plan that the action serves */
  priorityIds?: Array<Scalars['ID']['input']>;
  source: SourceInput;
  status?: InputMaybe<Scalars['String']['input']>;
  /** theme ids of the shared taxonomy (at least one) */
  themes: Array<Scalars['ID']['input']>;
  timescale?: InputMaybe<TimescaleInput>;
  title: Scalars['String']['input'];
};

export type CreateIndicatorInput = {
  current?: InputMaybe<StatedValueInput>;
  /** a measure of the DfE LAIT data dictionary, where one fits */
  measureCode?: InputMaybe<Scalars['String']['input']>;
  measureNote?: InputMaybe<Scalars['String']['input']>;
  planId: Scalars['ID']['input'];
  /** a priority of the same plan; leave out for an indicator of the whole plan */
  priorityId?: InputMaybe<Scalars['ID']['input']>;
  source: SourceInput;
  target?: InputMaybe<StatedValueInput>;
  /** exactly as the plan words it */
  wording: Scalars['String']['input'];
};

export type CreateLeadGroupInput = {
  /** the same kind of body in every authority has the same canonical name, e.g. malap */
  canonicalName: Scalars['String']['input'];
  /** where taking this body to be the same as other authorities' bodies of that canonical name is a judgement, why (its matches are then INFERRED) */
  canonicalNote?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  kind: GroupKind;
  name: Scalars['String']['input'];
  planId: Scalars['ID']['input'];
  source: SourceInput;
};

export type CreatePlanInput = {
  document: SourceDocumentInput;
  kind: PlanKind;
  leadMember?: InputMaybe<Scalars['String']['input']>;
  leadOfficer?: InputMaybe<Scalars['String']['input']>;
  owner?: InputMaybe<Scalars['String']['input']>;
  period: PlanPeriodInput;
  /** where in the document the plan is described (document defaults to the new plan's document) */
  source: SourceInput;
  title: Scalars['String']['input'];
};

export type CreatePriorityInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** the plan's own numbering, e.g. 2 */
  number?: InputMaybe<Scalars['String']['input']>;
  /** whose priority it is, where the document quotes another body's own priorities; left out: the plan's own */
  owner?: InputMaybe<Scalars['String']['input']>;
  planId: Scalars['ID']['input'];
  source: SourceInput;
  /** theme ids of the shared taxonomy (at least one) */
  themes: Array<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
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

/** A document's status as it states it, with the words that say so */
export type DocumentStatus = {
  __typename?: 'DocumentStatus';
  kind: DocumentStatusKind;
  note?: Maybe<Scalars['String']['output']>;
  source: Source;
  wording: Scalars['String']['output'];
};

export type DocumentStatusKind =
  | 'draft'
  | 'final'
  /** a summary of a longer document */
  | 'summary';

export type EducationIndicatorOutcome = {
  __typename?: 'EducationIndicatorOutcome';
  authorityCode: Scalars['ID']['output'];
  measureCode: Scalars['ID']['output'];
  target?: Maybe<Scalars['Float']['output']>;
};

/** A finding or piece of evidence, in the document's own words */
export type Finding = {
  __typename?: 'Finding';
  /** the figures it states; empty when it states none */
  figures: Array<PrintedFigure>;
  id: Scalars['ID']['output'];
  /** the inspection or review it comes from */
  inspection?: Maybe<Inspection>;
  kind: FindingKind;
  note?: Maybe<Scalars['String']['output']>;
  /** the date or period it refers to, as printed */
  period?: Maybe<PrintedDate>;
  plan: Plan;
  source: Source;
  /** what it is about, as worded (a report's name, a heading, a table row) */
  subject?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
};

export type FindingKind =
  | 'achievement'
  | 'area-for-consideration'
  /** carers' own words, as reported */
  | 'carer-voice'
  /** children's and young people's own words */
  | 'child-voice'
  | 'inspection-issue'
  | 'inspection-strength'
  | 'issue'
  | 'needs-assessment'
  | 'peer-review-strength'
  | 'performance'
  | 'risk'
  | 'working-well';

/** A term or abbreviation a document defines, with its expansion as printed */
export type GlossaryEntry = {
  __typename?: 'GlossaryEntry';
  expansion: Scalars['String']['output'];
  kind: GlossaryKind;
  note?: Maybe<Scalars['String']['output']>;
  plan: Plan;
  source: Source;
  term: Scalars['String']['output'];
};

export type GlossaryKind =
  /** listed in the document's glossary */
  | 'glossary'
  /** expanded or defined where the document uses it */
  | 'inline';

export type GroupKind =
  | 'board'
  | 'lead-group'
  | 'other'
  | 'partnership'
  | 'service-team'
  | 'voice-group';

/** An indicator's measure and comparison, from the subgraph that holds the measure */
export type IndicatorOutcome = CareIndicatorOutcome | EducationIndicatorOutcome;

/** An inspection, review or regulatory judgement a document names */
export type Inspection = {
  __typename?: 'Inspection';
  /** when it took place or is expected; null where the document does not say */
  date?: Maybe<PrintedDate>;
  /** the issues, strengths and areas for development the document lists for it */
  findings: Array<Finding>;
  id: Scalars['ID']['output'];
  /** who inspected or reviewed, as worded */
  inspectorate: Scalars['String']['output'];
  /** the judgement as worded; null where the document states none */
  judgement?: Maybe<Scalars['String']['output']>;
  kind: InspectionKind;
  note?: Maybe<Scalars['String']['output']>;
  /** the outcome as described where it is not a graded judgement */
  outcome?: Maybe<Scalars['String']['output']>;
  plan: Plan;
  source: Source;
  status: InspectionStatus;
  /** what was inspected or reviewed */
  subject?: Maybe<Scalars['String']['output']>;
  /** the inspection or review as the document names it */
  title: Scalars['String']['output'];
};

export type InspectionKind =
  | 'accreditation'
  | 'critical-friend-review'
  | 'focused-visit'
  | 'inspection'
  | 'peer-review'
  | 'review';

export type InspectionStatus =
  /** the document says it is planned or expected */
  | 'expected'
  /** it took place */
  | 'held';

/** A board, partnership, lead group, team or voice group */
export type LeadGroup = {
  __typename?: 'LeadGroup';
  /** includeInferred false: only actions the document states it leads */
  actions: Array<Action>;
  /** STATED: the document names the body as what its canonical name says; INFERRED: matching it to other bodies of that name is a judgement (the note says why) */
  canonicalBasis: LinkBasis;
  /** the same kind of body in every authority has the same canonical name (e.g. malap) */
  canonicalName: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: GroupKind;
  name: Scalars['String']['output'];
  source: Source;
};


/** A board, partnership, lead group, team or voice group */
export type LeadGroupActionsArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Whether a link is stated by the document or inferred, and why */
export type LinkBasis = {
  __typename?: 'LinkBasis';
  kind: LinkBasisKind;
  /** why the link was inferred (or what is uncertain about a stated one) */
  note?: Maybe<Scalars['String']['output']>;
};

/** How links an editor records are known (left out: STATED, the document states them) */
export type LinkBasisInput = {
  kind: LinkBasisKind;
  /** required for INFERRED: why the link was made */
  note?: InputMaybe<Scalars['String']['input']>;
};

/**
 * How a link is known. STATED: the document itself states it (an action printed under its priority,
 * a body in the action's own lead-group cell, a body named as what its canonical name says).
 * INFERRED: the extractor made it (read off a garbled table, placed by position, a plan-wide list
 * placed under one priority, a judgement that two bodies are the same), and the note says why.
 */
export type LinkBasisKind =
  | 'INFERRED'
  | 'STATED';

export type LinkedPlan = {
  __typename?: 'LinkedPlan';
  actions: Array<Action>;
  /** STATED: the document names the plan as what its canonical name says; INFERRED: matching it to other plans of that name is a judgement (the note says why) */
  canonicalBasis: LinkBasis;
  canonicalName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  source: Source;
  title: Scalars['String']['output'];
};

export type MemberKind =
  | 'group'
  | 'organisation'
  | 'role'
  | 'role-and-organisation';

export type MemberRole =
  /** attends the body's meetings without being listed as a member */
  | 'attends'
  | 'chair'
  | 'co-chair'
  | 'deputy'
  | 'member';

/** A member of a partnership or board, as the document lists it */
export type Membership = {
  __typename?: 'Membership';
  /** the partnership or board, as worded */
  body: Scalars['String']['output'];
  /** the same body among the authority's groups, where it is one */
  group?: Maybe<LeadGroup>;
  id: Scalars['ID']['output'];
  /** the member as listed: a role, an organisation, or both */
  member: Scalars['String']['output'];
  memberKind: MemberKind;
  note?: Maybe<Scalars['String']['output']>;
  role: MemberRole;
  source: Source;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Changes to ThisAuthority's plans: its editors only. One write per operation (see ThisAuthorityPlanMutations). */
  thisAuthority: ThisAuthorityPlanMutations;
};

export type OutcomeStatement = {
  __typename?: 'OutcomeStatement';
  /** whether the document lists it under its priority (STATED) or it was placed there (INFERRED) */
  placement: LinkBasis;
  source: Source;
  text: Scalars['String']['output'];
};

export type PerformanceIndicator = {
  __typename?: 'PerformanceIndicator';
  current?: Maybe<StatedValue>;
  id: Scalars['ID']['output'];
  /** the published (DfE LAIT) measure this indicator maps to, where one fits */
  measureCode?: Maybe<Scalars['String']['output']>;
  measureNote?: Maybe<Scalars['String']['output']>;
  /**
   * The published measure and how this authority compares on it (England, region,
   * statistical neighbours, rank, trend, and the target above if it has a figure), from
   * the education or care subgraph, whichever holds the measure; null when the
   * indicator maps to no measure.
   */
  outcome?: Maybe<IndicatorOutcome>;
  /** under a priority: whether the document lists it there (STATED) or it was placed there (INFERRED); null for an indicator of the whole plan */
  placement?: Maybe<LinkBasis>;
  source: Source;
  target?: Maybe<StatedValue>;
  /** exactly as the plan words it */
  wording: Scalars['String']['output'];
};

/** A plan, strategy or progress report, as its authority published it */
export type Plan = {
  __typename?: 'Plan';
  /** includeNarrative false: commitments only (see Action.narrative) */
  actions: Array<Action>;
  /** population and needs-assessment figures the plan quotes */
  contextFigures: Array<ContextFigure>;
  /** the document's findings and evidence, optionally of one kind */
  findings: Array<Finding>;
  /** terms and expansions the document defines */
  glossary: Array<GlossaryEntry>;
  id: Scalars['ID']['output'];
  /** indicators the plan sets for itself as a whole (e.g. a 'measures of success' table), not under one priority */
  indicators: Array<PerformanceIndicator>;
  /** inspections and reviews the document names */
  inspections: Array<Inspection>;
  kind: PlanKind;
  leadMember?: Maybe<Scalars['String']['output']>;
  leadOfficer?: Maybe<Scalars['String']['output']>;
  /** members of partnerships and boards as the document lists them */
  memberships: Array<Membership>;
  /** where the document names the lead member and lead officer; null when it names neither */
  metadataSource?: Maybe<Source>;
  owner?: Maybe<Scalars['String']['output']>;
  period: PlanPeriod;
  /** principles, promises and corporate parenting principles */
  principles: Array<Principle>;
  priorities: Array<Priority>;
  /** the ages and groups the document covers, as it states them; empty: it does not state them */
  scope: Array<ScopeItem>;
  source: Source;
  /** vision, aims, obsessions and alignment to council priorities */
  statements: Array<PlanStatement>;
  /** draft, summary of a longer document, or final, as the document states it; null: the document does not say */
  status?: Maybe<DocumentStatus>;
  title: Scalars['String']['output'];
};


/** A plan, strategy or progress report, as its authority published it */
export type PlanActionsArgs = {
  includeNarrative?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A plan, strategy or progress report, as its authority published it */
export type PlanFindingsArgs = {
  kind?: InputMaybe<FindingKind>;
};


/** A plan, strategy or progress report, as its authority published it */
export type PlanPrinciplesArgs = {
  kind?: InputMaybe<PrincipleKind>;
};


/** A plan, strategy or progress report, as its authority published it */
export type PlanStatementsArgs = {
  kind?: InputMaybe<StatementKind>;
};

export type PlanKind =
  | 'plan'
  | 'progress-report'
  | 'strategy';

/** The years a plan covers, as printed and normalised */
export type PlanPeriod = {
  __typename?: 'PlanPeriod';
  endYear?: Maybe<Scalars['Int']['output']>;
  label: Scalars['String']['output'];
  startYear?: Maybe<Scalars['Int']['output']>;
};

export type PlanPeriodInput = {
  endYear?: InputMaybe<Scalars['Int']['input']>;
  /** as printed, e.g. 2024-2027 */
  label: Scalars['String']['input'];
  startYear?: InputMaybe<Scalars['Int']['input']>;
};

export type PlanStatement = {
  __typename?: 'PlanStatement';
  kind: StatementKind;
  source: Source;
  text: Scalars['String']['output'];
  title?: Maybe<Scalars['String']['output']>;
};

export type Principle = {
  __typename?: 'Principle';
  id: Scalars['ID']['output'];
  kind: PrincipleKind;
  source: Source;
  text?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};

export type PrincipleKind =
  | 'corporate-parenting-principle'
  | 'principle'
  | 'promise'
  | 'value';

/** A date or period as printed, normalised (YYYY, YYYY-MM or YYYY-MM-DD) where the wording allows */
export type PrintedDate = {
  __typename?: 'PrintedDate';
  end?: Maybe<Scalars['String']['output']>;
  start?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
};

/** A figure as printed. value is null where the document gives no single number (e.g. a range): never 0 for a missing figure. */
export type PrintedFigure = {
  __typename?: 'PrintedFigure';
  text: Scalars['String']['output'];
  unit?: Maybe<Scalars['String']['output']>;
  value?: Maybe<Scalars['Float']['output']>;
};

export type Priority = {
  __typename?: 'Priority';
  /** includeInferred false: only actions the document states serve this priority */
  actions: Array<Action>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** includeInferred false: only those the document lists under this priority (not a plan-wide list placed here) */
  indicators: Array<PerformanceIndicator>;
  /** the plan's own numbering */
  number?: Maybe<Scalars['String']['output']>;
  /** includeInferred false: only those the document lists under this priority */
  outcomes: Array<OutcomeStatement>;
  /** whose priority this is where the document quotes another body's own priorities (e.g. a partnership's in a progress report); null: the plan's own */
  owner?: Maybe<Scalars['String']['output']>;
  plan: Plan;
  source: Source;
  /** includeInferred false: only those the document lists under this priority (not a plan-wide list placed here) */
  successCriteria: Array<OutcomeStatement>;
  themes: Array<Theme>;
  title: Scalars['String']['output'];
};


export type PriorityActionsArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};


export type PriorityIndicatorsArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};


export type PriorityOutcomesArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};


export type PrioritySuccessCriteriaArgs = {
  includeInferred?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ProgressNote = {
  __typename?: 'ProgressNote';
  asAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  text: Scalars['String']['output'];
};

export type ProgressNoteInput = {
  /** the date the progress is reported at (required) */
  asAt: Scalars['String']['input'];
  text: Scalars['String']['input'];
};

/** Who a document covers: a group and its ages, as the document states them */
export type ScopeItem = {
  __typename?: 'ScopeItem';
  group: Scalars['String']['output'];
  maxAge?: Maybe<Scalars['Int']['output']>;
  /** null where the document states no age */
  minAge?: Maybe<Scalars['Int']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  source: Source;
  text: Scalars['String']['output'];
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
  /** who the document belongs to: only the owning authority's editors add figures that cite it */
  owner: DocumentOwner;
  publisher: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** The document a new plan comes from. A document key already held must come with the same details. */
export type SourceDocumentInput = {
  /** publication or 'as at' date, as far as the document states it */
  asAt?: InputMaybe<Scalars['String']['input']>;
  /** the date wording as printed */
  asAtText?: InputMaybe<Scalars['String']['input']>;
  /** lower-case-hyphenated, e.g. redcar-send-strategy-2025-2028 */
  key: Scalars['ID']['input'];
  /** file name in the source collection, or the document's address */
  location?: InputMaybe<Scalars['String']['input']>;
  publisher: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

/** Where a fact comes from */
export type SourceInput = {
  /** the document's key; default: the document of the plan the fact belongs to */
  document?: InputMaybe<Scalars['ID']['input']>;
  /** the document's own words, where they help to check the fact */
  quote?: InputMaybe<Scalars['String']['input']>;
  /** the section of the document, as headed there */
  section: Scalars['String']['input'];
};

/** A value a plan states for an indicator (target or current). Null value: the plan gives no figure. */
export type StatedValue = {
  __typename?: 'StatedValue';
  asAt?: Maybe<Scalars['String']['output']>;
  /** false: the document gives no date or period for this value (it is not taken from a caption) */
  dateStated: Scalars['Boolean']['output'];
  periodEnd?: Maybe<Scalars['String']['output']>;
  /** the period the value is for, where the document prints one (e.g. '(2023/24)'): YYYY, YYYY-MM or YYYY-MM-DD */
  periodStart?: Maybe<Scalars['String']['output']>;
  /** as printed */
  text: Scalars['String']['output'];
  unit?: Maybe<Scalars['String']['output']>;
  value?: Maybe<Scalars['Float']['output']>;
};

/** A target or current value as the plan states it. Leave value out (or null) where the plan gives no figure: it is never taken as 0. */
export type StatedValueInput = {
  asAt?: InputMaybe<Scalars['String']['input']>;
  periodEnd?: InputMaybe<Scalars['String']['input']>;
  /** the period the value is for, where the document prints one (YYYY, YYYY-MM or YYYY-MM-DD) */
  periodStart?: InputMaybe<Scalars['String']['input']>;
  /** as printed, e.g. below 10% */
  text: Scalars['String']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
  value?: InputMaybe<Scalars['Float']['input']>;
};

export type StatementKind =
  | 'aim'
  | 'council-priority'
  | 'obsession'
  | 'vision';

/** A theme from the shared taxonomy (owned by the region registry) */
export type Theme = {
  __typename?: 'Theme';
  id: Scalars['ID']['output'];
};

export type ThisAuthority = Authority & {
  __typename?: 'ThisAuthority';
  /** Key actions across all the authority's plans, optionally only those tagged with a theme; includeNarrative false: commitments only (see Action.narrative) */
  actions?: Maybe<Array<Action>>;
  /**
   * Every change made to the authority's plans, newest first: who, when, what (the record
   * before and after, as JSON). Only the authority's own editors and admins may read it.
   */
  auditLog?: Maybe<Array<AuditEntry>>;
  code: Scalars['ID']['output'];
  /** Findings and evidence across the authority's documents, in document order, optionally of one kind */
  findings?: Maybe<Array<Finding>>;
  /**
   * Terms and expansions the authority's documents define. With term: the entries whose term
   * equals it ignoring case (or starts with it, with prefix: true); term is at most 100 characters.
   */
  glossary?: Maybe<Array<GlossaryEntry>>;
  /** Boards, partnerships, lead groups, teams and voice groups named in the authority's plans */
  groups?: Maybe<Array<LeadGroup>>;
  /** Inspections, reviews and regulatory judgements the authority's documents name, held and expected: newest first by date, undated last */
  inspections?: Maybe<Array<Inspection>>;
  /**
   * The most recent held inspection or review, by its date, whose judgement a document states
   * (e.g. Ofsted's 'requires improvement'): for comparing authorities. Null when none is recorded.
   */
  latestJudgement?: Maybe<Inspection>;
  /** Plans and strategies that the authority's plans link their actions to */
  linkedPlans?: Maybe<Array<LinkedPlan>>;
  /** Members of partnerships and boards as the authority's documents list them */
  memberships?: Maybe<Array<Membership>>;
  /** Plans, strategies and progress reports the authority has published, newest first */
  plans?: Maybe<Array<Plan>>;
  /** Priorities across all the authority's plans, optionally only those tagged with a theme */
  priorities?: Maybe<Array<Priority>>;
};


export type ThisAuthorityActionsArgs = {
  includeNarrative?: InputMaybe<Scalars['Boolean']['input']>;
  theme?: InputMaybe<Scalars['ID']['input']>;
};


export type ThisAuthorityAuditLogArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type ThisAuthorityFindingsArgs = {
  kind?: InputMaybe<FindingKind>;
};


export type ThisAuthorityGlossaryArgs = {
  prefix?: InputMaybe<Scalars['Boolean']['input']>;
  term?: InputMaybe<Scalars['String']['input']>;
};


export type ThisAuthorityGroupsArgs = {
  kind?: InputMaybe<GroupKind>;
};


export type ThisAuthorityInspectionsArgs = {
  status?: InputMaybe<InspectionStatus>;
};


export type ThisAuthorityPrioritiesArgs = {
  theme?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutations = {
  __typename?: 'ThisAuthorityPlanMutations';
  addProgressNote: ProgressNote;
  createAction: Action;
  createIndicator: PerformanceIndicator;
  createLeadGroup: LeadGroup;
  /** A new plan from a document (the document is recorded too) */
  createPlan: Plan;
  createPriority: Priority;
  /** Deletes the action and its progress notes; returns its id */
  deleteAction: Scalars['ID']['output'];
  /** Returns the deleted indicator's id */
  deleteIndicator: Scalars['ID']['output'];
  /** Deletes the group (actions stay, without it as a lead); returns its id */
  deleteLeadGroup: Scalars['ID']['output'];
  /** Deletes the plan and everything in it; returns the plan's id */
  deletePlan: Scalars['ID']['output'];
  /** Deletes the priority, its outcome statements and indicators; its actions stay. Returns its id */
  deletePriority: Scalars['ID']['output'];
  /** Returns the deleted note's id */
  deleteProgressNote: Scalars['ID']['output'];
  updateAction: Action;
  /** Also sets an indicator's target or current value */
  updateIndicator: PerformanceIndicator;
  updateLeadGroup: LeadGroup;
  updatePlan: Plan;
  updatePriority: Priority;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsAddProgressNoteArgs = {
  actionId: Scalars['ID']['input'];
  input: ProgressNoteInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsCreateActionArgs = {
  input: CreateActionInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsCreateIndicatorArgs = {
  input: CreateIndicatorInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsCreateLeadGroupArgs = {
  input: CreateLeadGroupInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsCreatePlanArgs = {
  input: CreatePlanInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsCreatePriorityArgs = {
  input: CreatePriorityInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsDeleteActionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsDeleteIndicatorArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsDeleteLeadGroupArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsDeletePlanArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsDeletePriorityArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsDeleteProgressNoteArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsUpdateActionArgs = {
  id: Scalars['ID']['input'];
  input: UpdateActionInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsUpdateIndicatorArgs = {
  id: Scalars['ID']['input'];
  input: UpdateIndicatorInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsUpdateLeadGroupArgs = {
  id: Scalars['ID']['input'];
  input: UpdateLeadGroupInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsUpdatePlanArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePlanInput;
};


/**
 * Changes to this authority's plans. Only an editor of this authority may make them
 * (decided by this subgraph from the identity the gateway signed, never from arguments);
 * each change and its audit log entry are written in one transaction, so a failure leaves
 * nothing changed. Ids are those of this authority's own data: an id from anywhere else is an
 * error. Deleting a plan, priority or action also deletes what belongs to it.
 *
 * Several fields of this object in one operation run in parallel (GraphQL executes the fields
 * of a non-root object in parallel), so their order and what each reads back are not defined:
 * send one write per operation.
 */
export type ThisAuthorityPlanMutationsUpdatePriorityArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePriorityInput;
};

/** When an action happens: as written, and normalised where the wording allows (YYYY, YYYY-MM or YYYY-MM-DD) */
export type Timescale = {
  __typename?: 'Timescale';
  end?: Maybe<Scalars['String']['output']>;
  start?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
};

/** When an action happens: the wording, and its start and end where the wording allows */
export type TimescaleInput = {
  end?: InputMaybe<Scalars['String']['input']>;
  start?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
};

/** Lists given here replace the action's current ones */
export type UpdateActionInput = {
  /** how the links set by leadGroupIds are known (only with leadGroupIds; default STATED) */
  leadGroupBasis?: InputMaybe<LinkBasisInput>;
  leadGroupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  narrative?: InputMaybe<Scalars['Boolean']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** how the links set by priorityIds are known (only with priorityIds; default STATED) */
  priorityBasis?: InputMaybe<LinkBasisInput>;
  priorityIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  source?: InputMaybe<SourceInput>;
  status?: InputMaybe<Scalars['String']['input']>;
  themes?: InputMaybe<Array<Scalars['ID']['input']>>;
  timescale?: InputMaybe<TimescaleInput>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateIndicatorInput = {
  current?: InputMaybe<StatedValueInput>;
  measureCode?: InputMaybe<Scalars['String']['input']>;
  measureNote?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<SourceInput>;
  target?: InputMaybe<StatedValueInput>;
  wording?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateLeadGroupInput = {
  canonicalName?: InputMaybe<Scalars['String']['input']>;
  canonicalNote?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<GroupKind>;
  name?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<SourceInput>;
};

export type UpdatePlanInput = {
  kind?: InputMaybe<PlanKind>;
  leadMember?: InputMaybe<Scalars['String']['input']>;
  leadOfficer?: InputMaybe<Scalars['String']['input']>;
  owner?: InputMaybe<Scalars['String']['input']>;
  period?: InputMaybe<PlanPeriodInput>;
  source?: InputMaybe<SourceInput>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdatePriorityInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  number?: InputMaybe<Scalars['String']['input']>;
  owner?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<SourceInput>;
  themes?: InputMaybe<Array<Scalars['ID']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
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
  ThisAuthority: ThisAuthority;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  ThisAuthority:
    ( { __typename: 'ThisAuthority' }
    & GraphQLRecursivePick<FederationTypes['ThisAuthority'], {"code":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  IndicatorOutcome:
    | ( CareIndicatorOutcome )
    | ( EducationIndicatorOutcome )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Authority: ( Omit<ThisAuthority, 'actions' | 'auditLog' | 'findings' | 'glossary' | 'groups' | 'inspections' | 'latestJudgement' | 'linkedPlans' | 'memberships' | 'plans' | 'priorities'> & { actions?: Maybe<Array<_RefType['Action']>>, auditLog?: Maybe<Array<_RefType['AuditEntry']>>, findings?: Maybe<Array<_RefType['Finding']>>, glossary?: Maybe<Array<_RefType['GlossaryEntry']>>, groups?: Maybe<Array<_RefType['LeadGroup']>>, inspections?: Maybe<Array<_RefType['Inspection']>>, latestJudgement?: Maybe<_RefType['Inspection']>, linkedPlans?: Maybe<Array<_RefType['LinkedPlan']>>, memberships?: Maybe<Array<_RefType['Membership']>>, plans?: Maybe<Array<_RefType['Plan']>>, priorities?: Maybe<Array<_RefType['Priority']>> } );
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Action: ResolverTypeWrapper<ActionModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ActionLeadGroupLink: ResolverTypeWrapper<Omit<ActionLeadGroupLink, 'leadGroup'> & { leadGroup: ResolversTypes['LeadGroup'] }>;
  ActionPriorityLink: ResolverTypeWrapper<Omit<ActionPriorityLink, 'priority'> & { priority: ResolversTypes['Priority'] }>;
  AuditEntry: ResolverTypeWrapper<AuditEntryModel>;
  Authority: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Authority']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CareIndicatorOutcome: ResolverTypeWrapper<CareIndicatorOutcome>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ContextFigure: ResolverTypeWrapper<ContextFigureModel>;
  CreateActionInput: CreateActionInput;
  CreateIndicatorInput: CreateIndicatorInput;
  CreateLeadGroupInput: CreateLeadGroupInput;
  CreatePlanInput: CreatePlanInput;
  CreatePriorityInput: CreatePriorityInput;
  DocumentOwner: ResolverTypeWrapper<DocumentOwner>;
  DocumentOwnerKind: DocumentOwnerKind;
  DocumentStatus: ResolverTypeWrapper<PlanStatusModel>;
  DocumentStatusKind: null;
  EducationIndicatorOutcome: ResolverTypeWrapper<EducationIndicatorOutcome>;
  Finding: ResolverTypeWrapper<FindingModel>;
  FindingKind: null;
  GlossaryEntry: ResolverTypeWrapper<GlossaryEntryModel>;
  GlossaryKind: null;
  GroupKind: null;
  IndicatorOutcome: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['IndicatorOutcome']>;
  Inspection: ResolverTypeWrapper<InspectionModel>;
  InspectionKind: null;
  InspectionStatus: null;
  LeadGroup: ResolverTypeWrapper<LeadGroupModel>;
  LinkBasis: ResolverTypeWrapper<LinkBasis>;
  LinkBasisInput: LinkBasisInput;
  LinkBasisKind: LinkBasisKind;
  LinkedPlan: ResolverTypeWrapper<LinkedPlanModel>;
  MemberKind: null;
  MemberRole: null;
  Membership: ResolverTypeWrapper<MembershipModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OutcomeStatement: ResolverTypeWrapper<OutcomeStatementModel>;
  PerformanceIndicator: ResolverTypeWrapper<PerformanceIndicatorModel>;
  Plan: ResolverTypeWrapper<PlanModel>;
  PlanKind: null;
  PlanPeriod: ResolverTypeWrapper<PlanPeriod>;
  PlanPeriodInput: PlanPeriodInput;
  PlanStatement: ResolverTypeWrapper<PlanStatementModel>;
  Principle: ResolverTypeWrapper<PrincipleModel>;
  PrincipleKind: null;
  PrintedDate: ResolverTypeWrapper<PrintedDate>;
  PrintedFigure: ResolverTypeWrapper<PrintedFigureModel>;
  Priority: ResolverTypeWrapper<PriorityModel>;
  ProgressNote: ResolverTypeWrapper<ProgressNoteModel>;
  ProgressNoteInput: ProgressNoteInput;
  ScopeItem: ResolverTypeWrapper<PlanScopeModel>;
  Source: ResolverTypeWrapper<SourceColumnsModel>;
  SourceDocument: ResolverTypeWrapper<SourceDocumentModel>;
  SourceDocumentInput: SourceDocumentInput;
  SourceInput: SourceInput;
  StatedValue: ResolverTypeWrapper<StatedValueColumnsModel>;
  StatedValueInput: StatedValueInput;
  StatementKind: null;
  Theme: ResolverTypeWrapper<Theme>;
  ThisAuthority: ResolverTypeWrapper<Omit<ThisAuthority, 'actions' | 'auditLog' | 'findings' | 'glossary' | 'groups' | 'inspections' | 'latestJudgement' | 'linkedPlans' | 'memberships' | 'plans' | 'priorities'> & { actions?: Maybe<Array<ResolversTypes['Action']>>, auditLog?: Maybe<Array<ResolversTypes['AuditEntry']>>, findings?: Maybe<Array<ResolversTypes['Finding']>>, glossary?: Maybe<Array<ResolversTypes['GlossaryEntry']>>, groups?: Maybe<Array<ResolversTypes['LeadGroup']>>, inspections?: Maybe<Array<ResolversTypes['Inspection']>>, latestJudgement?: Maybe<ResolversTypes['Inspection']>, linkedPlans?: Maybe<Array<ResolversTypes['LinkedPlan']>>, memberships?: Maybe<Array<ResolversTypes['Membership']>>, plans?: Maybe<Array<ResolversTypes['Plan']>>, priorities?: Maybe<Array<ResolversTypes['Priority']>> }>;
  ThisAuthorityPlanMutations: ResolverTypeWrapper<PlanMutationsNamespaceModel>;
  Timescale: ResolverTypeWrapper<Timescale>;
  TimescaleInput: TimescaleInput;
  UpdateActionInput: UpdateActionInput;
  UpdateIndicatorInput: UpdateIndicatorInput;
  UpdateLeadGroupInput: UpdateLeadGroupInput;
  UpdatePlanInput: UpdatePlanInput;
  UpdatePriorityInput: UpdatePriorityInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Action: ActionModel;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  ActionLeadGroupLink: Omit<ActionLeadGroupLink, 'leadGroup'> & { leadGroup: ResolversParentTypes['LeadGroup'] };
  ActionPriorityLink: Omit<ActionPriorityLink, 'priority'> & { priority: ResolversParentTypes['Priority'] };
  AuditEntry: AuditEntryModel;
  Authority: ResolversInterfaceTypes<ResolversParentTypes>['Authority'];
  Int: Scalars['Int']['output'];
  CareIndicatorOutcome: CareIndicatorOutcome;
  Float: Scalars['Float']['output'];
  ContextFigure: ContextFigureModel;
  CreateActionInput: CreateActionInput;
  CreateIndicatorInput: CreateIndicatorInput;
  CreateLeadGroupInput: CreateLeadGroupInput;
  CreatePlanInput: CreatePlanInput;
  CreatePriorityInput: CreatePriorityInput;
  DocumentOwner: DocumentOwner;
  DocumentStatus: PlanStatusModel;
  EducationIndicatorOutcome: EducationIndicatorOutcome;
  Finding: FindingModel;
  GlossaryEntry: GlossaryEntryModel;
  IndicatorOutcome: ResolversUnionTypes<ResolversParentTypes>['IndicatorOutcome'];
  Inspection: InspectionModel;
  LeadGroup: LeadGroupModel;
  LinkBasis: LinkBasis;
  LinkBasisInput: LinkBasisInput;
  LinkedPlan: LinkedPlanModel;
  Membership: MembershipModel;
  Mutation: Record<PropertyKey, never>;
  OutcomeStatement: OutcomeStatementModel;
  PerformanceIndicator: PerformanceIndicatorModel;
  Plan: PlanModel;
  PlanPeriod: PlanPeriod;
  PlanPeriodInput: PlanPeriodInput;
  PlanStatement: PlanStatementModel;
  Principle: PrincipleModel;
  PrintedDate: PrintedDate;
  PrintedFigure: PrintedFigureModel;
  Priority: PriorityModel;
  ProgressNote: ProgressNoteModel;
  ProgressNoteInput: ProgressNoteInput;
  ScopeItem: PlanScopeModel;
  Source: SourceColumnsModel;
  SourceDocument: SourceDocumentModel;
  SourceDocumentInput: SourceDocumentInput;
  SourceInput: SourceInput;
  StatedValue: StatedValueColumnsModel;
  StatedValueInput: StatedValueInput;
  Theme: Theme;
  ThisAuthority: Omit<ThisAuthority, 'actions' | 'auditLog' | 'findings' | 'glossary' | 'groups' | 'inspections' | 'latestJudgement' | 'linkedPlans' | 'memberships' | 'plans' | 'priorities'> & { actions?: Maybe<Array<ResolversParentTypes['Action']>>, auditLog?: Maybe<Array<ResolversParentTypes['AuditEntry']>>, findings?: Maybe<Array<ResolversParentTypes['Finding']>>, glossary?: Maybe<Array<ResolversParentTypes['GlossaryEntry']>>, groups?: Maybe<Array<ResolversParentTypes['LeadGroup']>>, inspections?: Maybe<Array<ResolversParentTypes['Inspection']>>, latestJudgement?: Maybe<ResolversParentTypes['Inspection']>, linkedPlans?: Maybe<Array<ResolversParentTypes['LinkedPlan']>>, memberships?: Maybe<Array<ResolversParentTypes['Membership']>>, plans?: Maybe<Array<ResolversParentTypes['Plan']>>, priorities?: Maybe<Array<ResolversParentTypes['Priority']>> } | FederationReferenceTypes['ThisAuthority'];
  ThisAuthorityPlanMutations: PlanMutationsNamespaceModel;
  Timescale: Timescale;
  TimescaleInput: TimescaleInput;
  UpdateActionInput: UpdateActionInput;
  UpdateIndicatorInput: UpdateIndicatorInput;
  UpdateLeadGroupInput: UpdateLeadGroupInput;
  UpdatePlanInput: UpdatePlanInput;
  UpdatePriorityInput: UpdatePriorityInput;
}>;

export type ActionResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Action'] = ResolversParentTypes['Action']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadGroupLinks?: Resolver<Array<ResolversTypes['ActionLeadGroupLink']>, ParentType, ContextType, RequireFields<ActionLeadGroupLinksArgs, 'includeInferred'>>;
  leadGroups?: Resolver<Array<ResolversTypes['LeadGroup']>, ParentType, ContextType, RequireFields<ActionLeadGroupsArgs, 'includeInferred'>>;
  linkedPlans?: Resolver<Array<ResolversTypes['LinkedPlan']>, ParentType, ContextType>;
  narrative?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  principles?: Resolver<Array<ResolversTypes['Principle']>, ParentType, ContextType>;
  priorities?: Resolver<Array<ResolversTypes['Priority']>, ParentType, ContextType, RequireFields<ActionPrioritiesArgs, 'includeInferred'>>;
  priorityLinks?: Resolver<Array<ResolversTypes['ActionPriorityLink']>, ParentType, ContextType, RequireFields<ActionPriorityLinksArgs, 'includeInferred'>>;
  progress?: Resolver<Array<ResolversTypes['ProgressNote']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  themes?: Resolver<Array<ResolversTypes['Theme']>, ParentType, ContextType>;
  timescale?: Resolver<Maybe<ResolversTypes['Timescale']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ActionLeadGroupLinkResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['ActionLeadGroupLink'] = ResolversParentTypes['ActionLeadGroupLink']> = ResolversObject<{
  basis?: Resolver<ResolversTypes['LinkBasis'], ParentType, ContextType>;
  leadGroup?: Resolver<ResolversTypes['LeadGroup'], ParentType, ContextType>;
}>;

export type ActionPriorityLinkResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['ActionPriorityLink'] = ResolversParentTypes['ActionPriorityLink']> = ResolversObject<{
  basis?: Resolver<ResolversTypes['LinkBasis'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Priority'], ParentType, ContextType>;
}>;

export type AuditEntryResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = ResolversObject<{
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

export type AuthorityResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Authority'] = ResolversParentTypes['Authority']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ThisAuthority', ParentType, ContextType>;
}>;

export type CareIndicatorOutcomeResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['CareIndicatorOutcome'] = ResolversParentTypes['CareIndicatorOutcome']> = ResolversObject<{
  authorityCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measureCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContextFigureResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['ContextFigure'] = ResolversParentTypes['ContextFigure']> = ResolversObject<{
  asAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type DocumentOwnerResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['DocumentOwner'] = ResolversParentTypes['DocumentOwner']> = ResolversObject<{
  authorityCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentOwnerKind'], ParentType, ContextType>;
}>;

export type DocumentStatusResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['DocumentStatus'] = ResolversParentTypes['DocumentStatus']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['DocumentStatusKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  wording?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DocumentStatusKindResolvers = { DRAFT: 'draft', FINAL: 'final', SUMMARY: 'summary' };

export type EducationIndicatorOutcomeResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['EducationIndicatorOutcome'] = ResolversParentTypes['EducationIndicatorOutcome']> = ResolversObject<{
  authorityCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measureCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FindingResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Finding'] = ResolversParentTypes['Finding']> = ResolversObject<{
  figures?: Resolver<Array<ResolversTypes['PrintedFigure']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inspection?: Resolver<Maybe<ResolversTypes['Inspection']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FindingKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['PrintedDate']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FindingKindResolvers = { ACHIEVEMENT: 'achievement', AREA_FOR_CONSIDERATION: 'area-for-consideration', CARER_VOICE: 'carer-voice', CHILD_VOICE: 'child-voice', INSPECTION_ISSUE: 'inspection-issue', INSPECTION_STRENGTH: 'inspection-strength', ISSUE: 'issue', NEEDS_ASSESSMENT: 'needs-assessment', PEER_REVIEW_STRENGTH: 'peer-review-strength', PERFORMANCE: 'performance', RISK: 'risk', WORKING_WELL: 'working-well' };

export type GlossaryEntryResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['GlossaryEntry'] = ResolversParentTypes['GlossaryEntry']> = ResolversObject<{
  expansion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['GlossaryKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GlossaryKindResolvers = { GLOSSARY: 'glossary', INLINE: 'inline' };

export type GroupKindResolvers = { BOARD: 'board', LEAD_GROUP: 'lead-group', OTHER: 'other', PARTNERSHIP: 'partnership', SERVICE_TEAM: 'service-team', VOICE_GROUP: 'voice-group' };

export type IndicatorOutcomeResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['IndicatorOutcome'] = ResolversParentTypes['IndicatorOutcome']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CareIndicatorOutcome' | 'EducationIndicatorOutcome', ParentType, ContextType>;
}>;

export type InspectionResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Inspection'] = ResolversParentTypes['Inspection']> = ResolversObject<{
  date?: Resolver<Maybe<ResolversTypes['PrintedDate']>, ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inspectorate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  judgement?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InspectionKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InspectionStatus'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InspectionKindResolvers = { ACCREDITATION: 'accreditation', CRITICAL_FRIEND_REVIEW: 'critical-friend-review', FOCUSED_VISIT: 'focused-visit', INSPECTION: 'inspection', PEER_REVIEW: 'peer-review', REVIEW: 'review' };

export type InspectionStatusResolvers = { EXPECTED: 'expected', HELD: 'held' };

export type LeadGroupResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['LeadGroup'] = ResolversParentTypes['LeadGroup']> = ResolversObject<{
  actions?: Resolver<Array<ResolversTypes['Action']>, ParentType, ContextType, RequireFields<LeadGroupActionsArgs, 'includeInferred'>>;
  canonicalBasis?: Resolver<ResolversTypes['LinkBasis'], ParentType, ContextType>;
  canonicalName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['GroupKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
}>;

export type LinkBasisResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['LinkBasis'] = ResolversParentTypes['LinkBasis']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['LinkBasisKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type LinkedPlanResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['LinkedPlan'] = ResolversParentTypes['LinkedPlan']> = ResolversObject<{
  actions?: Resolver<Array<ResolversTypes['Action']>, ParentType, ContextType>;
  canonicalBasis?: Resolver<ResolversTypes['LinkBasis'], ParentType, ContextType>;
  canonicalName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MemberKindResolvers = { GROUP: 'group', ORGANISATION: 'organisation', ROLE: 'role', ROLE_AND_ORGANISATION: 'role-and-organisation' };

export type MemberRoleResolvers = { ATTENDS: 'attends', CHAIR: 'chair', CO_CHAIR: 'co-chair', DEPUTY: 'deputy', MEMBER: 'member' };

export type MembershipResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['LeadGroup']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  memberKind?: Resolver<ResolversTypes['MemberKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MemberRole'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  thisAuthority?: Resolver<ResolversTypes['ThisAuthorityPlanMutations'], ParentType, ContextType>;
}>;

export type OutcomeStatementResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['OutcomeStatement'] = ResolversParentTypes['OutcomeStatement']> = ResolversObject<{
  placement?: Resolver<ResolversTypes['LinkBasis'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PerformanceIndicatorResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['PerformanceIndicator'] = ResolversParentTypes['PerformanceIndicator']> = ResolversObject<{
  current?: Resolver<Maybe<ResolversTypes['StatedValue']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measureCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  measureNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['IndicatorOutcome']>, ParentType, ContextType>;
  placement?: Resolver<Maybe<ResolversTypes['LinkBasis']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['StatedValue']>, ParentType, ContextType>;
  wording?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PlanResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = ResolversObject<{
  actions?: Resolver<Array<ResolversTypes['Action']>, ParentType, ContextType, RequireFields<PlanActionsArgs, 'includeNarrative'>>;
  contextFigures?: Resolver<Array<ResolversTypes['ContextFigure']>, ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType, Partial<PlanFindingsArgs>>;
  glossary?: Resolver<Array<ResolversTypes['GlossaryEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['PerformanceIndicator']>, ParentType, ContextType>;
  inspections?: Resolver<Array<ResolversTypes['Inspection']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PlanKind'], ParentType, ContextType>;
  leadMember?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  leadOfficer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  memberships?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  metadataSource?: Resolver<Maybe<ResolversTypes['Source']>, ParentType, ContextType>;
  owner?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['PlanPeriod'], ParentType, ContextType>;
  principles?: Resolver<Array<ResolversTypes['Principle']>, ParentType, ContextType, Partial<PlanPrinciplesArgs>>;
  priorities?: Resolver<Array<ResolversTypes['Priority']>, ParentType, ContextType>;
  scope?: Resolver<Array<ResolversTypes['ScopeItem']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  statements?: Resolver<Array<ResolversTypes['PlanStatement']>, ParentType, ContextType, Partial<PlanStatementsArgs>>;
  status?: Resolver<Maybe<ResolversTypes['DocumentStatus']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PlanKindResolvers = { PLAN: 'plan', PROGRESS_REPORT: 'progress-report', STRATEGY: 'strategy' };

export type PlanPeriodResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['PlanPeriod'] = ResolversParentTypes['PlanPeriod']> = ResolversObject<{
  endYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type PlanStatementResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['PlanStatement'] = ResolversParentTypes['PlanStatement']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['StatementKind'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PrincipleResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Principle'] = ResolversParentTypes['Principle']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PrincipleKind'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PrincipleKindResolvers = { CORPORATE_PARENTING_PRINCIPLE: 'corporate-parenting-principle', PRINCIPLE: 'principle', PROMISE: 'promise', VALUE: 'value' };

export type PrintedDateResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['PrintedDate'] = ResolversParentTypes['PrintedDate']> = ResolversObject<{
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PrintedFigureResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['PrintedFigure'] = ResolversParentTypes['PrintedFigure']> = ResolversObject<{
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type PriorityResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Priority'] = ResolversParentTypes['Priority']> = ResolversObject<{
  actions?: Resolver<Array<ResolversTypes['Action']>, ParentType, ContextType, RequireFields<PriorityActionsArgs, 'includeInferred'>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['PerformanceIndicator']>, ParentType, ContextType, RequireFields<PriorityIndicatorsArgs, 'includeInferred'>>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcomes?: Resolver<Array<ResolversTypes['OutcomeStatement']>, ParentType, ContextType, RequireFields<PriorityOutcomesArgs, 'includeInferred'>>;
  owner?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  successCriteria?: Resolver<Array<ResolversTypes['OutcomeStatement']>, ParentType, ContextType, RequireFields<PrioritySuccessCriteriaArgs, 'includeInferred'>>;
  themes?: Resolver<Array<ResolversTypes['Theme']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProgressNoteResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['ProgressNote'] = ResolversParentTypes['ProgressNote']> = ResolversObject<{
  asAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ScopeItemResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['ScopeItem'] = ResolversParentTypes['ScopeItem']> = ResolversObject<{
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxAge?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minAge?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SourceResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = ResolversObject<{
  document?: Resolver<ResolversTypes['SourceDocument'], ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  section?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SourceDocumentResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['SourceDocument'] = ResolversParentTypes['SourceDocument']> = ResolversObject<{
  asAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  asAtText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['DocumentOwner'], ParentType, ContextType>;
  publisher?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StatedValueResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['StatedValue'] = ResolversParentTypes['StatedValue']> = ResolversObject<{
  asAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dateStated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  periodEnd?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  periodStart?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatementKindResolvers = { AIM: 'aim', COUNCIL_PRIORITY: 'council-priority', OBSESSION: 'obsession', VISION: 'vision' };

export type ThemeResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Theme'] = ResolversParentTypes['Theme']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ThisAuthorityResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['ThisAuthority'] = ResolversParentTypes['ThisAuthority'], FederationReferenceType extends FederationReferenceTypes['ThisAuthority'] = FederationReferenceTypes['ThisAuthority']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ThisAuthority']> | FederationReferenceType, FederationReferenceType, ContextType>;
  actions?: Resolver<Maybe<Array<ResolversTypes['Action']>>, ParentType, ContextType, RequireFields<ThisAuthorityActionsArgs, 'includeNarrative'>>;
  auditLog?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType, RequireFields<ThisAuthorityAuditLogArgs, 'limit'>>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  findings?: Resolver<Maybe<Array<ResolversTypes['Finding']>>, ParentType, ContextType, Partial<ThisAuthorityFindingsArgs>>;
  glossary?: Resolver<Maybe<Array<ResolversTypes['GlossaryEntry']>>, ParentType, ContextType, RequireFields<ThisAuthorityGlossaryArgs, 'prefix'>>;
  groups?: Resolver<Maybe<Array<ResolversTypes['LeadGroup']>>, ParentType, ContextType, Partial<ThisAuthorityGroupsArgs>>;
  inspections?: Resolver<Maybe<Array<ResolversTypes['Inspection']>>, ParentType, ContextType, Partial<ThisAuthorityInspectionsArgs>>;
  latestJudgement?: Resolver<Maybe<ResolversTypes['Inspection']>, ParentType, ContextType>;
  linkedPlans?: Resolver<Maybe<Array<ResolversTypes['LinkedPlan']>>, ParentType, ContextType>;
  memberships?: Resolver<Maybe<Array<ResolversTypes['Membership']>>, ParentType, ContextType>;
  plans?: Resolver<Maybe<Array<ResolversTypes['Plan']>>, ParentType, ContextType>;
  priorities?: Resolver<Maybe<Array<ResolversTypes['Priority']>>, ParentType, ContextType, Partial<ThisAuthorityPrioritiesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ThisAuthorityPlanMutationsResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['ThisAuthorityPlanMutations'] = ResolversParentTypes['ThisAuthorityPlanMutations']> = ResolversObject<{
  addProgressNote?: Resolver<ResolversTypes['ProgressNote'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsAddProgressNoteArgs, 'actionId' | 'input'>>;
  createAction?: Resolver<ResolversTypes['Action'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsCreateActionArgs, 'input'>>;
  createIndicator?: Resolver<ResolversTypes['PerformanceIndicator'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsCreateIndicatorArgs, 'input'>>;
  createLeadGroup?: Resolver<ResolversTypes['LeadGroup'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsCreateLeadGroupArgs, 'input'>>;
  createPlan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsCreatePlanArgs, 'input'>>;
  createPriority?: Resolver<ResolversTypes['Priority'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsCreatePriorityArgs, 'input'>>;
  deleteAction?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsDeleteActionArgs, 'id'>>;
  deleteIndicator?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsDeleteIndicatorArgs, 'id'>>;
  deleteLeadGroup?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsDeleteLeadGroupArgs, 'id'>>;
  deletePlan?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsDeletePlanArgs, 'id'>>;
  deletePriority?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsDeletePriorityArgs, 'id'>>;
  deleteProgressNote?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsDeleteProgressNoteArgs, 'id'>>;
  updateAction?: Resolver<ResolversTypes['Action'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsUpdateActionArgs, 'id' | 'input'>>;
  updateIndicator?: Resolver<ResolversTypes['PerformanceIndicator'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsUpdateIndicatorArgs, 'id' | 'input'>>;
  updateLeadGroup?: Resolver<ResolversTypes['LeadGroup'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsUpdateLeadGroupArgs, 'id' | 'input'>>;
  updatePlan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsUpdatePlanArgs, 'id' | 'input'>>;
  updatePriority?: Resolver<ResolversTypes['Priority'], ParentType, ContextType, RequireFields<ThisAuthorityPlanMutationsUpdatePriorityArgs, 'id' | 'input'>>;
}>;

export type TimescaleResolvers<ContextType = PlanContext, ParentType extends ResolversParentTypes['Timescale'] = ResolversParentTypes['Timescale']> = ResolversObject<{
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PlanContext> = ResolversObject<{
  Action?: ActionResolvers<ContextType>;
  ActionLeadGroupLink?: ActionLeadGroupLinkResolvers<ContextType>;
  ActionPriorityLink?: ActionPriorityLinkResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Authority?: AuthorityResolvers<ContextType>;
  CareIndicatorOutcome?: CareIndicatorOutcomeResolvers<ContextType>;
  ContextFigure?: ContextFigureResolvers<ContextType>;
  DocumentOwner?: DocumentOwnerResolvers<ContextType>;
  DocumentStatus?: DocumentStatusResolvers<ContextType>;
  DocumentStatusKind?: DocumentStatusKindResolvers;
  EducationIndicatorOutcome?: EducationIndicatorOutcomeResolvers<ContextType>;
  Finding?: FindingResolvers<ContextType>;
  FindingKind?: FindingKindResolvers;
  GlossaryEntry?: GlossaryEntryResolvers<ContextType>;
  GlossaryKind?: GlossaryKindResolvers;
  GroupKind?: GroupKindResolvers;
  IndicatorOutcome?: IndicatorOutcomeResolvers<ContextType>;
  Inspection?: InspectionResolvers<ContextType>;
  InspectionKind?: InspectionKindResolvers;
  InspectionStatus?: InspectionStatusResolvers;
  LeadGroup?: LeadGroupResolvers<ContextType>;
  LinkBasis?: LinkBasisResolvers<ContextType>;
  LinkedPlan?: LinkedPlanResolvers<ContextType>;
  MemberKind?: MemberKindResolvers;
  MemberRole?: MemberRoleResolvers;
  Membership?: MembershipResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OutcomeStatement?: OutcomeStatementResolvers<ContextType>;
  PerformanceIndicator?: PerformanceIndicatorResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  PlanKind?: PlanKindResolvers;
  PlanPeriod?: PlanPeriodResolvers<ContextType>;
  PlanStatement?: PlanStatementResolvers<ContextType>;
  Principle?: PrincipleResolvers<ContextType>;
  PrincipleKind?: PrincipleKindResolvers;
  PrintedDate?: PrintedDateResolvers<ContextType>;
  PrintedFigure?: PrintedFigureResolvers<ContextType>;
  Priority?: PriorityResolvers<ContextType>;
  ProgressNote?: ProgressNoteResolvers<ContextType>;
  ScopeItem?: ScopeItemResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  SourceDocument?: SourceDocumentResolvers<ContextType>;
  StatedValue?: StatedValueResolvers<ContextType>;
  StatementKind?: StatementKindResolvers;
  Theme?: ThemeResolvers<ContextType>;
  ThisAuthority?: ThisAuthorityResolvers<ContextType>;
  ThisAuthorityPlanMutations?: ThisAuthorityPlanMutationsResolvers<ContextType>;
  Timescale?: TimescaleResolvers<ContextType>;
}>;

