import { loadOutcomeConfig } from "@tees/subgraph-common/outcomes/config";
import { educationTopics } from "@tees/subgraph-common/outcomes/topics";

export const loadConfig = (env = process.env) => loadOutcomeConfig("education", 4002, educationTopics, env);
