import { IsNull } from "typeorm";
import { PerformanceIndicator, Plan, Priority } from "../entities";
import type { PlanContext } from "../context";
import { badInput, type InputProblem } from "@tees/subgraph-common/input-errors";
import { createIndicatorArgs, updateIndicatorArgs } from "./inputs";
import { findOrFail, insertGiven, newId, nextOrdinal, snapshot, sourceOf, statedValue } from "./rows";
import { deleteById, runWrite } from "./run";

/** A measure code must be a measure of the LAIT data dictionary (it decides which outcomes subgraph answers). */
function checkMeasure(context: PlanContext, { measureCode }: { measureCode?: string | null | undefined }): InputProblem[] {
  if (!measureCode || context.measureDomains.has(measureCode)) return [];
  return [{ field: "input.measureCode", message: `"${measureCode}" is not a measure of the DfE LAIT data dictionary (use its Short Desc, e.g. FSP_NEW_GOODDEV)` }];
}

export const createIndicator = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "createIndicator",
    arguments: createIndicatorArgs,
    check: ({ input }, context) => checkMeasure(context, input),
    change: async (manager, { input }) => {
      const plan = await findOrFail(manager, Plan, input.planId, "input.planId", "plan");
      const priorityId = input.priorityId ?? null;
      if (priorityId !== null) {
        const priority = await findOrFail(manager, Priority, priorityId, "input.priorityId", "priority");
        if (priority.planId !== plan.id) throw badInput("input.priorityId", `priority "${priorityId}" is not in plan "${plan.id}"`);
      }
      const indicator = manager.create(PerformanceIndicator, {
        id: newId(plan.documentKey, "indicator"),
        documentKey: plan.documentKey,
        planId: plan.id,
        priorityId,
        ordinal: await nextOrdinal(manager, PerformanceIndicator, { planId: plan.id, priorityId: priorityId ?? IsNull() }),
        wording: input.wording,
        measureCode: input.measureCode ?? null,
        measureNote: input.measureNote ?? null,
        target: statedValue(input.target),
        current: statedValue(input.current),
        // an editor lists the indicator under the priority it names: stated
        placement: "stated",
        placementNote: null,
        source: await sourceOf(manager, input.source, plan, "input.source"),
      });
      await insertGiven(manager, PerformanceIndicator, [indicator]);
      return { result: indicator, audit: [{ entityType: "PerformanceIndicator", entityId: indicator.id, before: null, after: snapshot(indicator) }] };
    },
  });

/** Also how a target or current value is set (or cleared with null). */
export const updateIndicator = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "updateIndicator",
    arguments: updateIndicatorArgs,
    check: ({ input }, context) => checkMeasure(context, input),
    change: async (manager, { id: indicatorId, input }) => {
      const indicator = await findOrFail(manager, PerformanceIndicator, indicatorId, "id", "indicator");
      const before = snapshot(indicator);
      const changes: Partial<PerformanceIndicator> = {};
      if (input.wording !== undefined) changes.wording = input.wording;
      if (input.measureCode !== undefined) changes.measureCode = input.measureCode;
      if (input.measureNote !== undefined) changes.measureNote = input.measureNote;
      if (input.target !== undefined) changes.target = statedValue(input.target);
      if (input.current !== undefined) changes.current = statedValue(input.current);
      if (input.source !== undefined) changes.source = await sourceOf(manager, input.source, indicator, "input.source");
      if (Object.keys(changes).length > 0) await manager.update(PerformanceIndicator, { id: indicator.id }, changes);
      Object.assign(indicator, changes);
      return { result: indicator, audit: [{ entityType: "PerformanceIndicator", entityId: indicator.id, before, after: snapshot(indicator) }] };
    },
  });

export const deleteIndicator = deleteById("deleteIndicator", PerformanceIndicator, "PerformanceIndicator", "indicator");
