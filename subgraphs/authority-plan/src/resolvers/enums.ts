// GraphQL enum values ↔ the values stored in the database (and written in the seed files).
export const PlanKind = { STRATEGY: "strategy", PLAN: "plan", PROGRESS_REPORT: "progress-report" };
export const StatementKind = { VISION: "vision", AIM: "aim", OBSESSION: "obsession", COUNCIL_PRIORITY: "council-priority" };
export const PrincipleKind = {
  PRINCIPLE: "principle",
  PROMISE: "promise",
  CORPORATE_PARENTING_PRINCIPLE: "corporate-parenting-principle",
  VALUE: "value",
};
export const GroupKind = {
  BOARD: "board",
  PARTNERSHIP: "partnership",
  LEAD_GROUP: "lead-group",
  SERVICE_TEAM: "service-team",
  VOICE_GROUP: "voice-group",
  OTHER: "other",
};
