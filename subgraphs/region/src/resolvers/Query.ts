import { In } from "typeorm";
import { Area, Theme } from "../entities";
import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  authorities: async (_parent, { codes, region, withPlanSubgraph }, { dataSource, planTypes }) => {
    const where = {
      kind: "local-authority" as const,
      ...(codes ? { code: In(codes) } : {}),
      ...(region ? { regionCode: region } : {}),
    };
    const rows = await dataSource.getRepository(Area).find({ where, order: { name: "ASC" } });
    return withPlanSubgraph == null ? rows : rows.filter((a) => planTypes.has(a.code) === withPlanSubgraph);
  },
  authority: async (_parent, { code }, { dataSource }) => {
    const where = /^\d+$/.test(code) ? { dfeNumber: Number(code), kind: "local-authority" as const } : { code, kind: "local-authority" as const };
    return dataSource.getRepository(Area).findOneBy(where);
  },
  regions: (_parent, _args, { dataSource }) => dataSource.getRepository(Area).find({ where: { kind: "region" }, order: { name: "ASC" } }),
  england: async (_parent, _args, { dataSource }) => dataSource.getRepository(Area).findOneByOrFail({ kind: "england" }),
  themes: (_parent, _args, { dataSource }) => dataSource.getRepository(Theme).find({ order: { ordinal: "ASC" } }),
  theme: (_parent, { id }, { loaders }) => loaders.themeById.load(id),
};
