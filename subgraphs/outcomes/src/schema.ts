/**
 * The outcomes template's names: schema/domain.graphql is valid GraphQL written for a neutral
 * deployment called "domain" (DomainProfile, Authority.domain, domainMeasures,
 * recordDomainLocalFigure ...). A deployment's SDL is that file with "Domain"/"domain" replaced by
 * its type prefix and name (EducationProfile, Authority.education ...), plus the value types every
 * outcomes deployment shares: `npm run compose` writes it (scripts/sdl.ts) to
 * deployments/<name>.graphql, which the deployment serves. Codegen reads the neutral template, so
 * the resolvers are typed once for every deployment, and renamed here by the same rule.
 */
import type { OutcomeDeployment } from "./deployments";

/** A template name (type, field or text) as a deployment names it: Domain → Education, domain → education. */
export const instantiateName = (deployment: OutcomeDeployment, name: string): string =>
  name.replaceAll("Domain", deployment.typePrefix).replaceAll("domain", deployment.name);
