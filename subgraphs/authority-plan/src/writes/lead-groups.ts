import { LeadGroup, Plan } from "../entities";
import type { PlanContext } from "../context";
import { createLeadGroupArgs, updateLeadGroupArgs } from "./inputs";
import { findOrFail, newId, nextOrdinal, snapshot, sourceOf } from "./rows";
import { deleteById, runWrite } from "./run";

export const createLeadGroup = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "createLeadGroup",
    arguments: createLeadGroupArgs,
    change: async (manager, { input }) => {
      const plan = await findOrFail(manager, Plan, input.planId, "input.planId", "plan");
      const group = manager.create(LeadGroup, {
        id: newId(plan.documentKey, "group"),
        documentKey: plan.documentKey,
        planId: plan.id,
        ordinal: await nextOrdinal(manager, LeadGroup, { planId: plan.id }),
        name: input.name,
        kind: input.kind,
        canonical: input.canonicalName,
        description: input.description ?? null,
        canonicalNote: input.canonicalNote ?? null,
        source: await sourceOf(manager, input.source, plan, "input.source"),
      });
      await manager.insert(LeadGroup, group);
      return { result: group, audit: [{ entityType: "LeadGroup", entityId: group.id, before: null, after: snapshot(group) }] };
    },
  });

export const updateLeadGroup = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "updateLeadGroup",
    arguments: updateLeadGroupArgs,
    change: async (manager, { id: groupId, input }) => {
      const group = await findOrFail(manager, LeadGroup, groupId, "id", "lead group");
      const before = snapshot(group);
      const changes: Partial<LeadGroup> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.canonicalName !== undefined) changes.canonical = input.canonicalName;
      if (input.description !== undefined) changes.description = input.description;
      if (input.canonicalNote !== undefined) changes.canonicalNote = input.canonicalNote;
      if (input.source !== undefined) changes.source = await sourceOf(manager, input.source, group, "input.source");
      if (Object.keys(changes).length > 0) await manager.update(LeadGroup, { id: group.id }, changes);
      Object.assign(group, changes);
      return { result: group, audit: [{ entityType: "LeadGroup", entityId: group.id, before, after: snapshot(group) }] };
    },
  });

/** The actions it led stay, without it as a lead. */
export const deleteLeadGroup = deleteById("deleteLeadGroup", LeadGroup, "LeadGroup", "lead group");
