import type { EntityManager } from "typeorm";
import { Plan, Priority, PriorityTheme } from "../entities";
import type { PlanContext } from "../context";
import { createPriorityArgs, updatePriorityArgs } from "./inputs";
import { findOrFail, newId, nextOrdinal, snapshot, sourceOf } from "./rows";
import { deleteById, runWrite } from "./run";

async function setThemes(manager: EntityManager, priority: Priority, themes: string[], mode: "new" | "replace"): Promise<void> {
  if (mode === "replace") await manager.delete(PriorityTheme, { priorityId: priority.id });
  await manager.insert(PriorityTheme, themes.map((themeId) => ({ priorityId: priority.id, themeId, documentKey: priority.documentKey })));
}

const themesOf = async (manager: EntityManager, priorityId: string) =>
  (await manager.find(PriorityTheme, { where: { priorityId }, order: { themeId: "ASC" } })).map((t) => t.themeId);

export const createPriority = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "createPriority",
    arguments: createPriorityArgs,
    change: async (manager, { input }) => {
      const plan = await findOrFail(manager, Plan, input.planId, "input.planId", "plan");
      const priority = manager.create(Priority, {
        id: newId(plan.documentKey, "priority"),
        documentKey: plan.documentKey,
        planId: plan.id,
        ordinal: await nextOrdinal(manager, Priority, { planId: plan.id }),
        number: input.number ?? null,
        title: input.title,
        description: input.description ?? null,
        owner: input.owner ?? null,
        source: await sourceOf(manager, input.source, plan, "input.source"),
      });
      await manager.insert(Priority, priority);
      await setThemes(manager, priority, input.themes, "new");
      return { result: priority, audit: [{ entityType: "Priority", entityId: priority.id, before: null, after: { ...snapshot(priority), themes: input.themes } }] };
    },
  });

export const updatePriority = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "updatePriority",
    arguments: updatePriorityArgs,
    change: async (manager, { id: priorityId, input }) => {
      const priority = await findOrFail(manager, Priority, priorityId, "id", "priority");
      const themes = await themesOf(manager, priority.id);
      const before = { ...snapshot(priority), themes };
      const changes: Partial<Priority> = {};
      if (input.number !== undefined) changes.number = input.number;
      if (input.title !== undefined) changes.title = input.title;
      if (input.description !== undefined) changes.description = input.description;
      if (input.owner !== undefined) changes.owner = input.owner;
      if (input.source !== undefined) changes.source = await sourceOf(manager, input.source, priority, "input.source");
      if (Object.keys(changes).length > 0) await manager.update(Priority, { id: priority.id }, changes);
      Object.assign(priority, changes);
      if (input.themes !== undefined) await setThemes(manager, priority, input.themes, "replace");
      const after = { ...snapshot(priority), themes: input.themes ?? themes };
      return { result: priority, audit: [{ entityType: "Priority", entityId: priority.id, before, after }] };
    },
  });

/** Its outcome statements, indicators and action links go with it; the actions stay. */
export const deletePriority = deleteById("deletePriority", Priority, "Priority", "priority");
