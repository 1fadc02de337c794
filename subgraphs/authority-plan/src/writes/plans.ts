import type { EntityManager } from "typeorm";
import { Plan, SourceDocument } from "../entities";
import type { PlanContext } from "../context";
import { badInput } from "@tees/subgraph-common/input-errors";
import { createPlanInput, createPlanArgs, updatePlanArgs } from "./inputs";
import { findOrFail, newId, snapshot, sourceOf } from "./rows";
import { deleteById, runWrite } from "./run";
import type { z } from "zod";

type DocumentInput = z.output<typeof createPlanInput>["document"];

/** A new document is recorded; one already held may be named again only with the same details. */
async function recordDocument(manager: EntityManager, input: DocumentInput): Promise<void> {
  const wanted = {
    key: input.key, title: input.title, publisher: input.publisher,
    location: input.location ?? null, asAt: input.asAt ?? null, asAtText: input.asAtText ?? null,
  };
  const held = await manager.findOneBy(SourceDocument, { key: input.key });
  if (!held) {
    await manager.insert(SourceDocument, wanted);
    return;
  }
  for (const field of ["title", "publisher", "location", "asAt", "asAtText"] as const) {
    if (held[field] !== wanted[field]) {
      throw badInput(`input.document.${field}`, `document "${input.key}" is already recorded with ${field} ${JSON.stringify(held[field])}`);
    }
  }
}

export const createPlan = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "createPlan",
    arguments: createPlanArgs,
    change: async (manager, { input }) => {
      await recordDocument(manager, input.document);
      const documentKey = input.document.key;
      const plan = manager.create(Plan, {
        id: newId(documentKey, "plan"),
        documentKey,
        title: input.title,
        kind: input.kind,
        periodLabel: input.period.label,
        startYear: input.period.startYear ?? null,
        endYear: input.period.endYear ?? null,
        owner: input.owner ?? null,
        leadMember: input.leadMember ?? null,
        leadOfficer: input.leadOfficer ?? null,
        source: await sourceOf(manager, input.source, { documentKey }, "input.source"),
      });
      await manager.insert(Plan, plan);
      return { result: plan, audit: [{ entityType: "Plan", entityId: plan.id, before: null, after: { ...snapshot(plan), document: input.document } }] };
    },
  });

export const updatePlan = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "updatePlan",
    arguments: updatePlanArgs,
    change: async (manager, { id: planId, input }) => {
      const plan = await findOrFail(manager, Plan, planId, "id", "plan");
      const before = snapshot(plan);
      const changes: Partial<Plan> = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.period !== undefined) {
        changes.periodLabel = input.period.label;
        changes.startYear = input.period.startYear ?? null;
        changes.endYear = input.period.endYear ?? null;
      }
      if (input.owner !== undefined) changes.owner = input.owner;
      if (input.leadMember !== undefined) changes.leadMember = input.leadMember;
      if (input.leadOfficer !== undefined) changes.leadOfficer = input.leadOfficer;
      if (input.source !== undefined) changes.source = await sourceOf(manager, input.source, plan, "input.source");
      if (Object.keys(changes).length > 0) await manager.update(Plan, { id: plan.id }, changes);
      Object.assign(plan, changes);
      return { result: plan, audit: [{ entityType: "Plan", entityId: plan.id, before, after: snapshot(plan) }] };
    },
  });

/** Deletes the plan; its priorities, actions, groups, indicators and the rest go with it (foreign keys cascade). */
export const deletePlan = deleteById("deletePlan", Plan, "Plan", "plan");
