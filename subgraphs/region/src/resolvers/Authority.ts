import { neighbourSetIds, neighbourSetInfo, type NeighbourSetName } from "@tees/subgraph-common/lait/neighbour-sets";
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
  region: async (area: Area, _args: unknown, { loaders }: RegionContext) => {
    const region = area.regionCode ? await loaders.areaByCode.load(area.regionCode) : null;
    if (!region) throw new Error(`authority ${area.code} has no region in the registry (region code ${area.regionCode ?? "missing"})`);
    return region;
  },
  hasPlanSubgraph: (area: Area, _args: unknown, { planTypes }: RegionContext) => planTypes.has(area.code),
  statisticalNeighbours: async (area: Area, { set }: { set: NeighbourSetName }, { loaders }: RegionContext) => {
    const pairs = await loaders.neighboursOf.load(`${neighbourSetIds[set]}|${area.code}`);
    const authorities = await loaders.areaByCode.loadMany(pairs.map((p) => p.neighbourCode));
    return {
      set: neighbourSetInfo(set),
      neighbours: pairs.map((pair, i) => {
        const authority = authorities[i];
        if (!authority || authority instanceof Error) throw new Error(`neighbour ${pair.neighbourCode} of ${area.code} is not in the registry`);
        return { rank: pair.rank, closeness: pair.closeness, authority };
      }),
    };
  },
};
