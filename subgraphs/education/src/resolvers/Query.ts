import { Measure } from "@tees/subgraph-common/outcomes/entities";
import type { OutcomeContext } from "@tees/subgraph-common/outcomes/loaders";

export const Query = {
  educationMeasures: (_parent: unknown, { topic }: { topic?: string | null }, { dataSource }: OutcomeContext) =>
    dataSource.getRepository(Measure).find({ where: topic ? { topic } : {}, order: { code: "ASC" } }),
};
