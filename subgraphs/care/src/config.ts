import { loadOutcomeConfig } from "@tees/subgraph-common/outcomes/config";
import { careTopics } from "@tees/subgraph-common/outcomes/topics";

export const loadConfig = (env = process.env) => loadOutcomeConfig("care", 4003, careTopics, env);
