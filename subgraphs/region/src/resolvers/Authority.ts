import type { Area } from "../entities";
import type { RegionContext } from "../context";
import { LOCAL_AUTHORITY_TYPE } from "../schema";

const resolveArea = (ref: { code: string }, { loaders }: RegionContext) =>
  loaders.areaByCode.load(ref.code).then((area) => (area?.kind === "local-authority" ? area : null));

/** The entity interface: any subgraph may ask for an Authority by code. */
export const Authority = {
  __resolveReference: resolveArea,
  __resolveType: (area: Area, { planTypes }: RegionContext) => planTypes.get(area.code) ?? LOCAL_AUTHORITY_TYPE,
};

/** Fields every concrete authority type resolves the same way. */
export const authorityFields = {
  __resolveReference: resolveArea,
  authorityType: (area: Area) => area.laType,
  region: (area: Area, _args: unknown, { loaders }: RegionContext) => loaders.areaByCode.load(area.regionCode ?? ""),
  hasPlanSubgraph: (area: Area, _args: unknown, { planTypes }: RegionContext) => planTypes.has(area.code),
};
