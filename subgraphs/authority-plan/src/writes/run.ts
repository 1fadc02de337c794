import type { EntityTarget, FindOptionsWhere } from "typeorm";
import { auditedWrites } from "@tees/subgraph-common/audited-write";
import type { PlanContext } from "../context";
import { createLoaders } from "../loaders";
import { idArgs } from "./inputs";
import { findOrFail, snapshot } from "./rows";

/**
 * Every plan write goes through the one audited-write pipeline (@tees/subgraph-common/audited-write):
 * authorised for an editor of this deployment's authority, validated (every problem at once), made
 * with its audit entry in one transaction, and then the request's loaders start afresh.
 */
export const runWrite = auditedWrites<PlanContext>({
  authorityOf: (context) => context.deployment.code,
  freshLoaders: (context) => createLoaders(context.dataSource),
});

/**
 * `delete<Entity>(id)`: the row with that id (or BAD_USER_INPUT naming `id`), deleted, with its last
 * state in the audit entry; answers the id. Every plan delete is this one write under its own names.
 */
export const deleteById =
  <T extends { id: string }>(operation: string, entity: EntityTarget<T>, entityType: string, what: string) =>
  (context: PlanContext, args: unknown) =>
    runWrite(context, args, {
      operation,
      arguments: idArgs,
      change: async (manager, { id }) => {
        const row = await findOrFail(manager, entity, id, "id", what);
        await manager.delete(entity, { id: row.id } as FindOptionsWhere<T>);
        return { result: row.id, audit: [{ entityType, entityId: row.id, before: snapshot(row), after: null }] };
      },
    });
