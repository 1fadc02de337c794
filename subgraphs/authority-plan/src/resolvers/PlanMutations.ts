// Generated from the template's neutral instantiation; every deployment's namespace type has exactly these fields.
import type { ThisAuthorityPlanMutationsResolvers as PlanMutationsResolvers } from "../generated/resolvers-types";
import * as writes from "../writes";

/** The namespace object (<TypeName>PlanMutations) carries nothing: its fields are the operations. */
export type PlanMutationsNamespace = Record<string, never>;
const namespace: PlanMutationsNamespace = {};

/** `Mutation.<lowerCamelTypeName>`: the deployment's own entry to its writes. */
export const enterPlanMutations = (): PlanMutationsNamespace => namespace;

/** Each operation is authorised, validated and written (with its audit entry) in src/writes. */
export const PlanMutations: PlanMutationsResolvers = {
  createPlan: (_, { input }, context) => writes.createPlan(context, input),
  updatePlan: (_, { id, input }, context) => writes.updatePlan(context, id, input),
  deletePlan: (_, { id }, context) => writes.deletePlan(context, id),

  createPriority: (_, { input }, context) => writes.createPriority(context, input),
  updatePriority: (_, { id, input }, context) => writes.updatePriority(context, id, input),
  deletePriority: (_, { id }, context) => writes.deletePriority(context, id),

  createAction: (_, { input }, context) => writes.createAction(context, input),
  updateAction: (_, { id, input }, context) => writes.updateAction(context, id, input),
  deleteAction: (_, { id }, context) => writes.deleteAction(context, id),
  addProgressNote: (_, { actionId, input }, context) => writes.addProgressNote(context, actionId, input),
  deleteProgressNote: (_, { id }, context) => writes.deleteProgressNote(context, id),

  createLeadGroup: (_, { input }, context) => writes.createLeadGroup(context, input),
  updateLeadGroup: (_, { id, input }, context) => writes.updateLeadGroup(context, id, input),
  deleteLeadGroup: (_, { id }, context) => writes.deleteLeadGroup(context, id),

  createIndicator: (_, { input }, context) => writes.createIndicator(context, input),
  updateIndicator: (_, { id, input }, context) => writes.updateIndicator(context, id, input),
  deleteIndicator: (_, { id }, context) => writes.deleteIndicator(context, id),
};
