import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * One codegen for the repo: resolver types once per template (parents mapped to the
 * entity classes, typed context) from its neutral instantiation, so they fit every
 * deployment and name none: the plan template for an authority type no deployment has
 * (ThisAuthority), the registry with no plan authorities, the outcomes template under its
 * Domain* names (each written by `npm run compose` to src/generated/template.graphql from
 * scripts/sdl.ts); and a typed client from the composed API schema and the operations kept
 * in gateway/client/operations.
 * Generated files are committed; the tests fail if regenerating would change them.
 */
const resolverPlugins = ["typescript", "typescript-resolvers"];
const common = {
  federation: true,
  useIndexSignature: true,
  useTypeImports: true,
  enumsAsTypes: true,
  avoidOptionals: false,
  maybeValue: "T | null",
  scalars: { ID: "string" },
  // entity classes are imported as <Name>Model, so they never clash with the GraphQL type names
  mapperTypeSuffix: "Model",
};

// GraphQL enum value → the value stored in the database (resolvers map them at run time)
const planEnumValues = {
  PlanKind: { STRATEGY: "strategy", PLAN: "plan", PROGRESS_REPORT: "progress-report" },
  StatementKind: { VISION: "vision", AIM: "aim", OBSESSION: "obsession", COUNCIL_PRIORITY: "council-priority" },
  PrincipleKind: { PRINCIPLE: "principle", PROMISE: "promise", CORPORATE_PARENTING_PRINCIPLE: "corporate-parenting-principle", VALUE: "value" },
  GroupKind: { BOARD: "board", PARTNERSHIP: "partnership", LEAD_GROUP: "lead-group", SERVICE_TEAM: "service-team", VOICE_GROUP: "voice-group", OTHER: "other" },
  // a document's evidence (subgraphs/authority-plan/src/resolvers/evidence-enums.ts)
  InspectionKind: {
    INSPECTION: "inspection", FOCUSED_VISIT: "focused-visit", REVIEW: "review", PEER_REVIEW: "peer-review",
    CRITICAL_FRIEND_REVIEW: "critical-friend-review", ACCREDITATION: "accreditation",
  },
  InspectionStatus: { HELD: "held", EXPECTED: "expected" },
  FindingKind: {
    NEEDS_ASSESSMENT: "needs-assessment", PERFORMANCE: "performance", INSPECTION_ISSUE: "inspection-issue", INSPECTION_STRENGTH: "inspection-strength",
    PEER_REVIEW_STRENGTH: "peer-review-strength", AREA_FOR_CONSIDERATION: "area-for-consideration", WORKING_WELL: "working-well", RISK: "risk",
    ISSUE: "issue", ACHIEVEMENT: "achievement", CHILD_VOICE: "child-voice", CARER_VOICE: "carer-voice",
  },
  MemberKind: { ROLE: "role", ORGANISATION: "organisation", ROLE_AND_ORGANISATION: "role-and-organisation", GROUP: "group" },
  MemberRole: { CHAIR: "chair", CO_CHAIR: "co-chair", DEPUTY: "deputy", MEMBER: "member", ATTENDS: "attends" },
  GlossaryKind: { GLOSSARY: "glossary", INLINE: "inline" },
  DocumentStatusKind: { DRAFT: "draft", SUMMARY: "summary", FINAL: "final" },
};

const planEntity = (name: string) => `../entities#${name}`;

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    "subgraphs/region/src/generated/resolvers-types.ts": {
      // the registry's template with no plan authorities: each plan authority's type is resolved by name from the list at run time
      schema: "subgraphs/region/src/generated/template.graphql",
      plugins: resolverPlugins,
      config: {
        ...common,
        contextType: "../context#RegionContext",
        mappers: {
          Authority: "../entities#Area",
          LocalAuthority: "../entities#Area",
          Region: "../entities#Area",
          Theme: "../entities#Theme",
        },
        enumValues: planEnumValues,
      },
    },
    "subgraphs/authority-plan/src/generated/resolvers-types.ts": {
      // every deployment serves the same types; only its authority type's name differs (here the neutral ThisAuthority)
      schema: "subgraphs/authority-plan/src/generated/template.graphql",
      plugins: resolverPlugins,
      config: {
        ...common,
        contextType: "../context#PlanContext",
        mappers: {
          Plan: planEntity("Plan"),
          PlanStatement: planEntity("PlanStatement"),
          Principle: planEntity("Principle"),
          Priority: planEntity("Priority"),
          OutcomeStatement: planEntity("OutcomeStatement"),
          PerformanceIndicator: planEntity("PerformanceIndicator"),
          StatedValue: "../entities/PerformanceIndicator#StatedValueColumns",
          Action: planEntity("Action"),
          ProgressNote: planEntity("ProgressNote"),
          LeadGroup: planEntity("LeadGroup"),
          LinkedPlan: planEntity("LinkedPlan"),
          ContextFigure: planEntity("ContextFigure"),
          Inspection: planEntity("Inspection"),
          Finding: planEntity("Finding"),
          PrintedFigure: "../entities/Evidence#PrintedFigure",
          Membership: planEntity("Membership"),
          GlossaryEntry: planEntity("GlossaryEntry"),
          DocumentStatus: planEntity("PlanStatus"),
          ScopeItem: planEntity("PlanScope"),
          Source: "@tees/subgraph-common/entities/SourceColumns#SourceColumns",
          SourceDocument: planEntity("SourceDocument"),
          AuditEntry: planEntity("AuditEntry"),
          // the mutation namespace object carries nothing: its fields are the operations
          ThisAuthorityPlanMutations: "../resolvers/PlanMutations#PlanMutationsNamespace",
        },
        enumValues: planEnumValues,
      },
    },
    // the outcomes template, once, under its neutral Domain* names (written by `npm run compose`)
    "subgraphs/outcomes/src/generated/resolvers-types.ts": {
      schema: "subgraphs/outcomes/src/generated/template.graphql",
      plugins: resolverPlugins,
      config: {
        ...common,
        contextType: "../loaders#OutcomeContext",
        mappers: {
          DomainMeasure: "../entities#Measure",
          DomainProfile: "../resolvers#Profile",
          DomainSeries: "../resolvers#Series",
          DomainIndicatorOutcome: "../resolvers#IndicatorOutcome",
          OutcomeFigure: "../entities#Figure",
          Source: "@tees/subgraph-common/entities/SourceColumns#SourceColumns",
          SourceDocument: "../entities#OutcomeDocument",
        },
      },
    },
    "gateway/client/generated/": {
      schema: "gateway/api-schema.graphql",
      documents: "gateway/client/operations/*.graphql",
      preset: "client",
      // persisted-documents.json: the manifest (sha256 hash -> document) the gateway accepts by hash
      // (gateway/src/trusted-documents.ts); each generated document carries its hash (__meta__.hash)
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" } },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { ID: "string" } },
    },
  },
};

export default config;
