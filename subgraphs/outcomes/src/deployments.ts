/**
 * The outcomes template's deployments: one JSON file each in ../deployments
 * (education.json, care.json), naming the deployment, the prefix of its type
 * names (EducationProfile, careMeasures, ...), its default port, and the LAIT
 * topics it holds (README: "Which topics go where"). Nothing here names one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ConfigError, readDeploymentFile } from "@tees/subgraph-common/config";

const deployment = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9]*$/, "must be a lower-case GraphQL field name such as education"),
    typePrefix: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "must be a GraphQL type name prefix such as Education"),
    port: z.number().int().min(1).max(65535),
    /** what the deployment's outcomes cover, in the words of the Authority field's description */
    summary: z.string().min(1),
    /** LAIT data dictionary topics whose measures this deployment holds */
    topics: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type OutcomeDeployment = z.infer<typeof deployment>;

export const deploymentsFolder = join(import.meta.dirname, "../deployments");

export function readOutcomeDeployment(file: string): OutcomeDeployment {
  return readDeploymentFile(file, deployment);
}

const read = new Map<string, readonly OutcomeDeployment[]>();

/** Every outcomes deployment, by file name (each folder read once per process: the files are configuration). */
export function outcomeDeployments(folder = deploymentsFolder): readonly OutcomeDeployment[] {
  let deployments = read.get(folder);
  if (!deployments) {
    deployments = readdirSync(folder)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => readOutcomeDeployment(join(folder, f)));
    read.set(folder, deployments);
  }
  return deployments;
}

/** One deployment by name (e.g. "care"), failing with the names there are. */
export function outcomeDeployment(name: string, folder = deploymentsFolder): OutcomeDeployment {
  const all = outcomeDeployments(folder);
  const found = all.find((d) => d.name === name);
  if (!found) throw new ConfigError(`no outcomes deployment named "${name}" (there are: ${all.map((d) => d.name).join(", ")})`);
  return found;
}

/** The topics a deployment holds, as a set. */
export const topicsOf = (name: string): ReadonlySet<string> => new Set(outcomeDeployment(name).topics);
