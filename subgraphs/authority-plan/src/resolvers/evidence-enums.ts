// GraphQL enum values ↔ the values stored in the database (and written in the evidence seed files).
// Defined here once: the evidence seed schema checks stored values with `storedEnum(...)` of these maps
// (@tees/subgraph-common/validation); codegen.ts repeats them (planEnumValues) so that the generated
// resolver types use the stored values.
export const InspectionKind = {
  INSPECTION: "inspection",
  FOCUSED_VISIT: "focused-visit",
  REVIEW: "review",
  PEER_REVIEW: "peer-review",
  CRITICAL_FRIEND_REVIEW: "critical-friend-review",
  ACCREDITATION: "accreditation",
} as const;
export const InspectionStatus = { HELD: "held", EXPECTED: "expected" } as const;
export const FindingKind = {
  NEEDS_ASSESSMENT: "needs-assessment",
  PERFORMANCE: "performance",
  INSPECTION_ISSUE: "inspection-issue",
  INSPECTION_STRENGTH: "inspection-strength",
  PEER_REVIEW_STRENGTH: "peer-review-strength",
  AREA_FOR_CONSIDERATION: "area-for-consideration",
  WORKING_WELL: "working-well",
  RISK: "risk",
  ISSUE: "issue",
  ACHIEVEMENT: "achievement",
  CHILD_VOICE: "child-voice",
  CARER_VOICE: "carer-voice",
} as const;
export const MemberKind = { ROLE: "role", ORGANISATION: "organisation", ROLE_AND_ORGANISATION: "role-and-organisation", GROUP: "group" } as const;
export const MemberRole = { CHAIR: "chair", CO_CHAIR: "co-chair", DEPUTY: "deputy", MEMBER: "member", ATTENDS: "attends" } as const;
export const GlossaryKind = { GLOSSARY: "glossary", INLINE: "inline" } as const;
export const DocumentStatusKind = { DRAFT: "draft", SUMMARY: "summary", FINAL: "final" } as const;
