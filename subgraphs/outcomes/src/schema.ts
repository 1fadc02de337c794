/**
 * The outcomes template's schema: schema/domain.graphql is valid GraphQL written for a
 * neutral deployment called "domain" (DomainProfile, Authority.domain, domainMeasures,
 * recordDomainLocalFigure ...). A deployment's schema is that file with "Domain"/"domain"
 * replaced by its type prefix and name (EducationProfile, Authority.education ...), plus the
 * value types every outcomes deployment shares. Codegen reads the neutral template, so the
 * resolvers are typed once for every deployment.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type DocumentNode } from "graphql";
import { documentOf, loadSdl } from "@tees/subgraph-common/sdl";
import type { OutcomeDeployment } from "./deployments";

const schemaFolder = join(import.meta.dirname, "../schema");
const commonSchemaFolder = join(import.meta.dirname, "../../common/schema");

/** the template, and the shared files beside it, in the order a deployment's SDL lists them */
export const templateFile = join(schemaFolder, "domain.graphql");
export const sharedSchemaFiles = [
  join(schemaFolder, "outcomes.graphql"),
  join(commonSchemaFolder, "source.graphql"),
  join(commonSchemaFolder, "neighbours.graphql"),
  join(commonSchemaFolder, "audit.graphql"),
  join(schemaFolder, "local-figures.graphql"),
];

/** A template name (type, field or text) as a deployment names it: Domain → Education, domain → education. */
export const instantiateName = (deployment: OutcomeDeployment, name: string): string =>
  name.replaceAll("Domain", deployment.typePrefix).replaceAll("domain", deployment.name);

const template = readFileSync(templateFile, "utf8");
const shared = sharedSchemaFiles.map((file) => loadSdl(file));

/** One deployment's SDL: the template under its names, and the shared outcome, source, neighbour and audit types. */
export function buildTypeDefs(deployment: OutcomeDeployment): DocumentNode {
  const own = parse(instantiateName(deployment, template.replaceAll("TOPICS_SUMMARY", deployment.summary)));
  return documentOf([own, ...shared].flatMap((d) => d.definitions));
}
