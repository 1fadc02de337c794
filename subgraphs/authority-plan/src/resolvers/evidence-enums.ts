// GraphQL enum values ↔ the values stored in the database (and written in the evidence seed files).
// codegen.ts repeats them (planEnumValues) so that the generated resolver types use the stored values.
export const InspectionKind = {
  INSPECTION: "inspection",
  FOCUSED_VISIT: "focused-visit",
  REVIEW: "review",
  PEER_REVIEW: "peer-review",
  CRITICAL_FRIEND_REVIEW: "critical-friend-review",
  ACCREDITATION: "accreditation",
};
export const InspectionStatus = { HELD: "held", EXPECTED: "expected" };
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
};
export const MemberKind = { ROLE: "role", ORGANISATION: "organisation", ROLE_AND_ORGANISATION: "role-and-organisation", GROUP: "group" };
export const MemberRole = { CHAIR: "chair", CO_CHAIR: "co-chair", DEPUTY: "deputy", MEMBER: "member", ATTENDS: "attends" };
export const GlossaryKind = { GLOSSARY: "glossary", INLINE: "inline" };
export const DocumentStatusKind = { DRAFT: "draft", SUMMARY: "summary", FINAL: "final" };
