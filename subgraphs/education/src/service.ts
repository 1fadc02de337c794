import { outcomeService, type OutcomeConfig } from "@tees/subgraph-common/outcomes/service";
import { buildResolvers, typeDefs } from "./server";

export const educationService = (config: OutcomeConfig) => outcomeService(config, typeDefs, buildResolvers());
