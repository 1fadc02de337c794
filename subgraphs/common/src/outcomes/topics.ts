import { readCsv } from "../csv";

/**
 * Which LAIT topics each outcomes subgraph holds (README: "Which topics go where").
 * A measure the dictionary lists under an education topic and a care topic
 * (e.g. LAC_Unauth, absence of children looked after) is held by both.
 */
export const educationTopics: ReadonlySet<string> = new Set([
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

export const careTopics: ReadonlySet<string> = new Set([
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

export type OutcomeDomain = "education" | "care";

export const domainOfTopic = (topic: string): OutcomeDomain | null =>
  educationTopics.has(topic) ? "education" : careTopics.has(topic) ? "care" : null;

/**
 * Measure code → the subgraph that holds it, from a LAIT data dictionary; where a
 * measure is under topics of both, its first dictionary row decides.
 */
export function readMeasureDomains(dictionaryFile: string): Map<string, OutcomeDomain> {
  const domains = new Map<string, OutcomeDomain>();
  for (const { record } of readCsv(dictionaryFile)) {
    const code = record.Measure_short?.trim();
    const domain = domainOfTopic(record.Topic ?? "");
    if (code && domain && !domains.has(code)) domains.set(code, domain);
  }
  return domains;
}
