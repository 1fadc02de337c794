import type { RegionResolvers } from "../generated/resolvers-types";

export const Region: RegionResolvers = {
  __resolveReference: (ref, { loaders }) =>
    loaders.areaByCode.load(ref.code).then((area) => (area && area.kind !== "local-authority" ? area : null)),
  authorities: (region, _args, { loaders }) => loaders.authoritiesByRegion.load(region.code),
};
