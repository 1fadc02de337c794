import { loadOutcomeConfig } from "@tees/subgraph-common/outcomes/service";

/** The LAIT topics this subgraph holds (see README: which topics go where). */
export const educationTopics = new Set([
  "Early Years",
  "Foundation Stage",
  "Key Stage 1 and Phonics",
  "Key Stage 2",
  "Key Stage 4",
  "Key Stage 5",
  "Attainment by age 19",
  "All Pupil Absence & Exclusions",
  "Children with SEN",
  "Further & Higher Education",
]);

export const loadConfig = (env = process.env) => loadOutcomeConfig("education", 4002, educationTopics, env);
