import { loadOutcomeConfig } from "@tees/subgraph-common/outcomes/service";

/** The LAIT topics this subgraph holds (see README: which topics go where). */
export const careTopics = new Set([
  "Children Looked After",
  "Children in Need",
  "Child Protection",
  "Adoption",
  "Youth Offending",
  "Health and Wellbeing",
  "Economic Factors",
  "Contextual\\Other",
  "Children's Service Finance",
  "Children's Services Workforce",
]);

export const loadConfig = (env = process.env) => loadOutcomeConfig("care", 4003, careTopics, env);
