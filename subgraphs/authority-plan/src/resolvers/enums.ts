// GraphQL enum values ↔ the values stored in the database (and written in the seed files): defined
// here once. The seed schemas and the write inputs check stored values with `storedEnum(...)` of
// these maps (@tees/subgraph-common/validation); codegen.ts repeats them (planEnumValues) so that the
// generated resolver types use the stored values.
import type { GroupKind as StoredGroupKind } from "../entities/LeadGroup";
import type { PlanKind as StoredPlanKind } from "../entities/Plan";
import type { PrincipleKind as StoredPrincipleKind } from "../entities/Principle";
import type { StatementKind as StoredStatementKind } from "../entities/PlanStatement";
import type { LinkBasisKind as LinkBasisKindStored } from "../entities/links";

export const PlanKind = { STRATEGY: "strategy", PLAN: "plan", PROGRESS_REPORT: "progress-report" } as const satisfies Record<string, StoredPlanKind>;
export const StatementKind = { VISION: "vision", AIM: "aim", OBSESSION: "obsession", COUNCIL_PRIORITY: "council-priority" } as const satisfies Record<string, StoredStatementKind>;
export const PrincipleKind = {
  PRINCIPLE: "principle",
  PROMISE: "promise",
  CORPORATE_PARENTING_PRINCIPLE: "corporate-parenting-principle",
  VALUE: "value",
} as const satisfies Record<string, StoredPrincipleKind>;
export const GroupKind = {
  BOARD: "board",
  PARTNERSHIP: "partnership",
  LEAD_GROUP: "lead-group",
  SERVICE_TEAM: "service-team",
  VOICE_GROUP: "voice-group",
  OTHER: "other",
} as const satisfies Record<string, StoredGroupKind>;
/**
 * How a link is known (LinkBasisKind). Not handed to Apollo as an enum map: the API's LinkBasis is
 * built by resolvers/basis.ts, and a write's input arrives with the GraphQL value, which the write
 * maps with `fromGraphQL(LinkBasisKind)` (@tees/subgraph-common/validation).
 */
export const LinkBasisKind = { STATED: "stated", INFERRED: "inferred" } as const satisfies Record<string, LinkBasisKindStored>;
