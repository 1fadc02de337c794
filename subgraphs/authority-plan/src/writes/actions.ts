import type { EntityManager } from "typeorm";
import { Action, ActionLeadGroup, ActionPriority, ActionTheme, LeadGroup, Plan, Priority, ProgressNote } from "../entities";
import type { PlanContext } from "../context";
import { badInput } from "@tees/subgraph-common/input-errors";
import { createActionArgs, progressNoteArgs, updateActionArgs, type LinkBasisInput } from "./inputs";
import { findAllOrFail, findOrFail, insertGiven, newId, nextOrdinal, snapshot, sourceOf } from "./rows";
import { deleteById, runWrite } from "./run";

/** a link's basis as stored: stated unless the editor says it is inferred */
const stored = (basis: LinkBasisInput | null | undefined) => ({ basis: basis?.kind ?? ("stated" as const), basisNote: basis?.note ?? null });

interface Links {
  priorityIds: string[];
  leadGroupIds: string[];
  themes: string[];
}

/** whether the action is new (nothing to replace) or has links to replace */
type Mode = "new" | "replace";

/** Sets the action's priorities (which must be of its own plan), checking each id as it goes. */
async function setPriorities(manager: EntityManager, action: Action, priorityIds: string[], field: string, mode: Mode, basis?: LinkBasisInput | null): Promise<void> {
  const priorities = await findAllOrFail(manager, Priority, priorityIds, field, "priority");
  priorities.forEach((p, i) => {
    if (p.planId !== action.planId) throw badInput(`${field}.${i}`, `priority "${p.id}" is not in the action's plan "${action.planId}"`);
  });
  if (mode === "replace") await manager.delete(ActionPriority, { actionId: action.id });
  if (priorityIds.length > 0) {
    await insertGiven(manager, ActionPriority, priorityIds.map((priorityId) => ({ actionId: action.id, priorityId, documentKey: action.documentKey, ...stored(basis) })));
  }
}

/** Sets the action's lead groups: any group of this authority, from any of its plans. */
async function setLeadGroups(manager: EntityManager, action: Action, groupIds: string[], field: string, mode: Mode, basis?: LinkBasisInput | null): Promise<void> {
  await findAllOrFail(manager, LeadGroup, groupIds, field, "lead group");
  if (mode === "replace") await manager.delete(ActionLeadGroup, { actionId: action.id });
  if (groupIds.length > 0) {
    await insertGiven(manager, ActionLeadGroup, groupIds.map((groupId) => ({ actionId: action.id, groupId, documentKey: action.documentKey, ...stored(basis) })));
  }
}

async function setThemes(manager: EntityManager, action: Action, themes: string[], mode: Mode): Promise<void> {
  if (mode === "replace") await manager.delete(ActionTheme, { actionId: action.id });
  await manager.insert(ActionTheme, themes.map((themeId) => ({ actionId: action.id, themeId, documentKey: action.documentKey })));
}

async function linksOf(manager: EntityManager, actionId: string): Promise<Links> {
  const priorities = await manager.find(ActionPriority, { where: { actionId }, order: { priorityId: "ASC" } });
  const groups = await manager.find(ActionLeadGroup, { where: { actionId }, order: { groupId: "ASC" } });
  const themes = await manager.find(ActionTheme, { where: { actionId }, order: { themeId: "ASC" } });
  return { priorityIds: priorities.map((l) => l.priorityId), leadGroupIds: groups.map((l) => l.groupId), themes: themes.map((l) => l.themeId) };
}

/**
 * The action row is written first, then its links, each checked against this database as it is
 * written: an unknown id there fails the whole transaction, so the action row goes too.
 */
export const createAction = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "createAction",
    arguments: createActionArgs,
    change: async (manager, { input }) => {
      const plan = await findOrFail(manager, Plan, input.planId, "input.planId", "plan");
      const action = manager.create(Action, {
        id: newId(plan.documentKey, "action"),
        documentKey: plan.documentKey,
        planId: plan.id,
        ordinal: await nextOrdinal(manager, Action, { planId: plan.id }),
        title: input.title,
        timescaleText: input.timescale?.text ?? null,
        timescaleStart: input.timescale?.start ?? null,
        timescaleEnd: input.timescale?.end ?? null,
        status: input.status ?? null,
        note: input.note ?? null,
        narrative: input.narrative ?? false,
        source: await sourceOf(manager, input.source, plan, "input.source"),
      });
      await insertGiven(manager, Action, [action]);
      await setPriorities(manager, action, input.priorityIds, "input.priorityIds", "new", input.priorityBasis);
      await setLeadGroups(manager, action, input.leadGroupIds, "input.leadGroupIds", "new", input.leadGroupBasis);
      await setThemes(manager, action, input.themes, "new");
      const links: Links = { priorityIds: input.priorityIds, leadGroupIds: input.leadGroupIds, themes: input.themes };
      return { result: action, audit: [{ entityType: "Action", entityId: action.id, before: null, after: { ...snapshot(action), ...links } }] };
    },
  });

export const updateAction = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "updateAction",
    arguments: updateActionArgs,
    change: async (manager, { id: actionId, input }) => {
      const action = await findOrFail(manager, Action, actionId, "id", "action");
      const links = await linksOf(manager, action.id);
      const before = { ...snapshot(action), ...links };
      const changes: Partial<Action> = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.timescale !== undefined) {
        changes.timescaleText = input.timescale?.text ?? null;
        changes.timescaleStart = input.timescale?.start ?? null;
        changes.timescaleEnd = input.timescale?.end ?? null;
      }
      if (input.status !== undefined) changes.status = input.status;
      if (input.note !== undefined) changes.note = input.note;
      if (input.narrative !== undefined && input.narrative !== null) changes.narrative = input.narrative;
      if (input.source !== undefined) changes.source = await sourceOf(manager, input.source, action, "input.source");
      if (Object.keys(changes).length > 0) await manager.update(Action, { id: action.id }, changes);
      Object.assign(action, changes);
      if (input.priorityIds !== undefined) await setPriorities(manager, action, input.priorityIds, "input.priorityIds", "replace", input.priorityBasis);
      if (input.leadGroupIds !== undefined) await setLeadGroups(manager, action, input.leadGroupIds, "input.leadGroupIds", "replace", input.leadGroupBasis);
      if (input.themes !== undefined) await setThemes(manager, action, input.themes, "replace");
      const after = {
        ...snapshot(action),
        priorityIds: input.priorityIds ?? links.priorityIds,
        leadGroupIds: input.leadGroupIds ?? links.leadGroupIds,
        themes: input.themes ?? links.themes,
      };
      return { result: action, audit: [{ entityType: "Action", entityId: action.id, before, after }] };
    },
  });

/** Its progress notes and links go with it. */
export const deleteAction = deleteById("deleteAction", Action, "Action", "action");

export const addProgressNote = (context: PlanContext, args: unknown) =>
  runWrite(context, args, {
    operation: "addProgressNote",
    arguments: progressNoteArgs,
    change: async (manager, { actionId, input }) => {
      const action = await findOrFail(manager, Action, actionId, "actionId", "action");
      const note = manager.create(ProgressNote, {
        id: newId(action.documentKey, "progress"),
        documentKey: action.documentKey,
        actionId: action.id,
        ordinal: await nextOrdinal(manager, ProgressNote, { actionId: action.id }),
        text: input.text,
        asAt: input.asAt,
      });
      await manager.insert(ProgressNote, note);
      return { result: note, audit: [{ entityType: "ProgressNote", entityId: note.id, before: null, after: snapshot(note) }] };
    },
  });

export const deleteProgressNote = deleteById("deleteProgressNote", ProgressNote, "ProgressNote", "progress note");
