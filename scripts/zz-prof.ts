import { openDataSource } from "@tees/subgraph-common/database";
import { outcomeEntities } from "@tees/subgraph-common/outcomes/entities";
import { outcomeMigrations } from "@tees/subgraph-common/outcomes/migrations";
import { createOutcomeContext } from "@tees/subgraph-common/outcomes/loaders";
import { outcomeResolvers, type Series } from "@tees/subgraph-common/outcomes/resolvers";
import { storeComparisons } from "@tees/subgraph-common/outcomes/stored-comparisons";
import { OutcomeArea } from "@tees/subgraph-common/outcomes/entities";
const name = process.argv[2] ?? "care";
const url = `sqlite:/tmp/i12prof/${name}.sqlite`;
const { dataSource } = await openDataSource({ url, poolSize: 1, queueLimit: 0, queryTimeoutMs: 600000 }, outcomeEntities, outcomeMigrations(url));
let t = performance.now();
if (process.argv[3] === "store") {
  await dataSource.transaction((m) => storeComparisons(m));
  console.log("storeComparisons", (performance.now() - t).toFixed(0), "ms");
}
const areas = (await dataSource.getRepository(OutcomeArea).findBy({ kind: "local-authority" })).map((a) => a.code);
const codes = name === "care" ? ["LAC", "LACStable_2016on", "CareLeaverEET"] : ["KS2RWM_Expected_STD", "TotPerAbNew"];
for (let round = 0; round < 5; round++) {
  const ctx = createOutcomeContext(dataSource, { subject: "x", role: "analyst", authority: null });
  t = performance.now();
  const series = (await Promise.all(areas.map((a) => outcomeResolvers.Profile.measures({ areaCode: a }, round === 4 ? {} : { codes }, ctx)))).flat() as Series[];
  const t1 = performance.now();
  const out = await Promise.all(series.map((s) => outcomeResolvers.Series.comparison(s, { neighbours: "MAY_2025", trendPoints: 5 }, ctx)));
  const t2 = performance.now();
  console.log(round === 4 ? "every measure" : "national", series.length, "series: measures", (t1 - t).toFixed(0), "ms, comparisons", (t2 - t1).toFixed(0), "ms", out.length);
}
await dataSource.destroy();
