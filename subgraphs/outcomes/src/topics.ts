import { readCsv } from "@tees/subgraph-common/csv";
import { outcomeDeployments } from "./deployments";

/**
 * Which LAIT topics each outcomes deployment holds (its deployments/*.json; README:
 * "Which topics go where"). A measure the dictionary lists under topics of two
 * deployments (e.g. LAC_Unauth, absence of children looked after) is held by both.
 * A domain is an outcomes deployment's name, e.g. "education".
 */
export type OutcomeDomain = string;

const domainByTopic = (): ReadonlyMap<string, OutcomeDomain> =>
  new Map(outcomeDeployments().flatMap((d) => d.topics.map((topic) => [topic, d.name] as const)));

/** The deployment that holds a topic's measures, or null when none does. */
export function domainOfTopic(topic: string, domains: ReadonlyMap<string, OutcomeDomain> = domainByTopic()): OutcomeDomain | null {
  return domains.get(topic) ?? null;
}

/**
 * Measure code → the subgraph that holds it, from a LAIT data dictionary; where a
 * measure is under topics of both, its first dictionary row decides.
 */
export function readMeasureDomains(dictionaryFile: string): Map<string, OutcomeDomain> {
  const byTopic = domainByTopic();
  const domains = new Map<string, OutcomeDomain>();
  for (const { record } of readCsv(dictionaryFile)) {
    const code = record.Measure_short?.trim();
    const domain = domainOfTopic(record.Topic ?? "", byTopic);
    if (code && domain && !domains.has(code)) domains.set(code, domain);
  }
  return domains;
}
