import type { NeighbourSetId } from "./code-lists";

/** GraphQL `StatisticalNeighbourSet` ↔ the set's date, as its file is named */
export const neighbourSetIds = { APRIL_2021: "2021-04", MAY_2025: "2025-05" } as const satisfies Record<string, NeighbourSetId>;
export type NeighbourSetName = keyof typeof neighbourSetIds;

export function neighbourSetInfo(set: NeighbourSetName) {
  const publishedAt = neighbourSetIds[set];
  const month = set.startsWith("APRIL") ? "April" : "May";
  return { set, publishedAt, label: `DfE statistical neighbours, ${month} ${publishedAt.slice(0, 4)}` };
}
