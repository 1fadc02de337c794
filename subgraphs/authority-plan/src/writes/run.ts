import { auditedWrites } from "@tees/subgraph-common/audited-write";
import type { PlanContext } from "../context";
import { createLoaders } from "../loaders";

/**
 * Every plan write goes through the one audited-write pipeline (@tees/subgraph-common/audited-write):
 * authorised for an editor of this deployment's authority, validated (every problem at once), made
 * with its audit entry in one transaction, and then the request's loaders start afresh.
 */
export const runWrite = auditedWrites<PlanContext>({
  authorityOf: (context) => context.deployment.code,
  freshLoaders: (context) => createLoaders(context.dataSource),
});
