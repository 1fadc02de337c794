import type { EntityManager } from "typeorm";
import { requireEditorOf } from "@tees/subgraph-common/authorization";
import { recordAudit } from "@tees/subgraph-common/audit/record";
import type { PlanContext } from "../context";
import { createLoaders } from "../loaders";

/** What one write changed: its result, and the record before and after for the audit log. */
export interface Change<T> {
  result: T;
  entityType: string;
  entityId: string;
  /** plain data (null: created) */
  before: object | null;
  /** plain data (null: deleted) */
  after: object | null;
}

/**
 * Every write goes through here, in this order:
 * 1. the identity must be an editor of this deployment's authority (from the signed identity only);
 * 2. the input is validated (BAD_USER_INPUT naming the field) before anything is read or written;
 * 3. ONE transaction makes the change and records it in the audit log: both land, or neither.
 * Afterwards the request's loaders start afresh, so the result's fields read the new state.
 */
export async function runWrite<I, T>(
  context: PlanContext,
  operation: string,
  validate: () => I,
  change: (manager: EntityManager, input: I) => Promise<Change<T>>,
): Promise<T> {
  const identity = requireEditorOf(context.identity, context.deployment.code);
  const input = validate();
  const { dataSource, deployment } = context;
  // on SQLite, transactions take turns (database.ts)
  const result = await dataSource.transaction(async (manager) => {
    const done = await change(manager, input);
    await recordAudit(manager, identity, deployment.code, {
      operation,
      entityType: done.entityType,
      entityId: done.entityId,
      before: done.before,
      after: done.after,
    });
    return done.result;
  });
  context.loaders = createLoaders(dataSource);
  return result;
}
