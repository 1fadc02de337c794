import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { StatisticalNeighbour } from "../entities/StatisticalNeighbour";

/** "<set id>|<area code>" → the area's neighbours in that set, closest first; one query per set in a batch */
export function neighboursLoader(dataSource: DataSource) {
  return new DataLoader<string, StatisticalNeighbour[]>(async (keys) => {
    const bySet = new Map<string, string[]>();
    for (const key of keys) {
      const [setId, areaCode] = key.split("|") as [string, string];
      bySet.set(setId, [...(bySet.get(setId) ?? []), areaCode]);
    }
    const found = new Map<string, StatisticalNeighbour[]>();
    for (const [setId, areaCodes] of bySet) {
      const rows = await dataSource.getRepository(StatisticalNeighbour).find({ where: { setId, areaCode: In(areaCodes) }, order: { rank: "ASC" } });
      for (const row of rows) found.set(`${setId}|${row.areaCode}`, [...(found.get(`${setId}|${row.areaCode}`) ?? []), row]);
    }
    return keys.map((key) => found.get(key) ?? []);
  });
}
