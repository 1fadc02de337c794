import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { StatisticalNeighbour } from "../entities/StatisticalNeighbour";
import { groupBy } from "../loaders";

/** "<set id>|<area code>" → the area's neighbours in that set, closest first; one query per set in a batch */
export function neighboursLoader(dataSource: DataSource) {
  return new DataLoader<string, StatisticalNeighbour[]>(async (keys) => {
    const found = new Map<string, StatisticalNeighbour[]>();
    for (const [setId, setKeys] of groupBy(keys, (key) => key.split("|")[0]!)) {
      const areaCodes = setKeys.map((key) => key.split("|")[1]!);
      const rows = await dataSource.getRepository(StatisticalNeighbour).find({ where: { setId, areaCode: In(areaCodes) }, order: { rank: "ASC" } });
      for (const [key, group] of groupBy(rows, (row) => `${setId}|${row.areaCode}`)) found.set(key, group);
    }
    return keys.map((key) => found.get(key) ?? []);
  });
}
