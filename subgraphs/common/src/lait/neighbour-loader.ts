import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { StatisticalNeighbour } from "../entities/StatisticalNeighbour";
import { groupBy } from "../loaders";
import { unbudgeted, type Statements } from "../work-budget";

/** "<set id>|<area code>" → the area's neighbours in that set, closest first; one query per set in a batch (through `work`: a request's budget, work-budget.ts) */
export function neighboursLoader(dataSource: DataSource, work: Statements = unbudgeted(dataSource)) {
  return new DataLoader<string, StatisticalNeighbour[]>(async (keys) => {
    const found = new Map<string, StatisticalNeighbour[]>();
    for (const [setId, setKeys] of groupBy(keys, (key) => key.split("|")[0]!)) {
      const areaCodes = setKeys.map((key) => key.split("|")[1]!);
      const rows = await work.run((manager) => manager.getRepository(StatisticalNeighbour).find({ where: { setId, areaCode: In(areaCodes) }, order: { rank: "ASC" } }));
      for (const [key, group] of groupBy(rows, (row) => `${setId}|${row.areaCode}`)) found.set(key, group);
    }
    return keys.map((key) => found.get(key) ?? []);
  });
}
