import { readAuditLog } from "@tees/subgraph-common/audit/record";
// Generated from the template's neutral instantiation; every deployment's authority type has exactly these fields.
import type { ThisAuthorityResolvers as AuthorityTypeResolvers } from "../generated/resolvers-types";
import { evidenceAuthorityFields } from "./Evidence";

const only = async <T extends { id: string }>(rows: T[], ids: Promise<string[]> | null): Promise<T[]> => {
  if (!ids) return rows;
  const wanted = new Set(await ids);
  return rows.filter((r) => wanted.has(r.id));
};

/**
 * The deployment's own authority type (its typeName; ThisAuthority in the template). It answers only
 * for its own code: a reference to any other authority resolves to null.
 */
export const authorityResolvers: AuthorityTypeResolvers = {
  __resolveReference: (ref, { deployment }) => (ref.code === deployment.code ? { code: ref.code } : null),
  plans: (_authority, _args, { loaders }) => loaders.allPlans.load("all"),
  priorities: async (_authority, { theme }, { loaders }) =>
    only(await loaders.allPriorities.load("all"), theme ? loaders.priorityIdsByTheme.load(theme) : null),
  actions: async (_authority, { theme, includeNarrative }, { loaders }) => {
    const rows = await only(await loaders.allActions.load("all"), theme ? loaders.actionIdsByTheme.load(theme) : null);
    return includeNarrative === false ? rows.filter((a) => !a.narrative) : rows;
  },
  groups: async (_authority, { kind }, { loaders }) => {
    const groups = await loaders.allGroups.load("all");
    return kind ? groups.filter((g) => g.kind === kind) : groups;
  },
  linkedPlans: (_authority, _args, { loaders }) => loaders.allLinkedPlans.load("all"),
  /** reached through `_entities`: the authorisation is decided here, on the field, from the signed identity */
  auditLog: (_authority, { limit }, { identity, deployment, dataSource }) => readAuditLog(dataSource.manager, identity, deployment.code, limit),
  ...evidenceAuthorityFields,
};
