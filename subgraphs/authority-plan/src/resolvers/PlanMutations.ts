// Generated from the template's neutral instantiation; every deployment's namespace type has exactly these fields.
import type { ThisAuthorityPlanMutationsResolvers as PlanMutationsResolvers } from "../generated/resolvers-types";
import * as writes from "../writes";

/** The namespace object (<TypeName>PlanMutations) carries nothing: its fields are the operations. */
export type PlanMutationsNamespace = Record<string, never>;
const namespace: PlanMutationsNamespace = {};

/** `Mutation.<lowerCamelTypeName>`: the deployment's own entry to its writes. */
export const enterPlanMutations = (): PlanMutationsNamespace => namespace;

/** Each operation hands its arguments to src/writes: authorised, validated and written with its audit entry by the one audited-write pipeline. */
export const PlanMutations: PlanMutationsResolvers = {
  createPlan: (_, args, context) => writes.createPlan(context, args),
  updatePlan: (_, args, context) => writes.updatePlan(context, args),
  deletePlan: (_, args, context) => writes.deletePlan(context, args),

  createPriority: (_, args, context) => writes.createPriority(context, args),
  updatePriority: (_, args, context) => writes.updatePriority(context, args),
  deletePriority: (_, args, context) => writes.deletePriority(context, args),

  createAction: (_, args, context) => writes.createAction(context, args),
  updateAction: (_, args, context) => writes.updateAction(context, args),
  deleteAction: (_, args, context) => writes.deleteAction(context, args),
  addProgressNote: (_, args, context) => writes.addProgressNote(context, args),
  deleteProgressNote: (_, args, context) => writes.deleteProgressNote(context, args),

  createLeadGroup: (_, args, context) => writes.createLeadGroup(context, args),
  updateLeadGroup: (_, args, context) => writes.updateLeadGroup(context, args),
  deleteLeadGroup: (_, args, context) => writes.deleteLeadGroup(context, args),

  createIndicator: (_, args, context) => writes.createIndicator(context, args),
  updateIndicator: (_, args, context) => writes.updateIndicator(context, args),
  deleteIndicator: (_, args, context) => writes.deleteIndicator(context, args),
};
