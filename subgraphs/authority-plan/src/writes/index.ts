// Writes to one authority's plan data: each authorised, validated, and made with its audit entry in one transaction (run.ts).
export { createPlan, updatePlan, deletePlan } from "./plans";
export { createPriority, updatePriority, deletePriority } from "./priorities";
export { createAction, updateAction, deleteAction, addProgressNote, deleteProgressNote } from "./actions";
export { createLeadGroup, updateLeadGroup, deleteLeadGroup } from "./lead-groups";
export { createIndicator, updateIndicator, deleteIndicator } from "./indicators";
