import { StatisticalNeighbour } from "@tees/subgraph-common/entities/StatisticalNeighbour";
import { Area } from "./Area";
import { Theme } from "./Theme";

export { Area, StatisticalNeighbour, Theme };
export const regionEntities = [Area, Theme, StatisticalNeighbour];
