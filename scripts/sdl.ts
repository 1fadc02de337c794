/**
 * Where a template becomes SDL (and the only place): `npm run compose` calls these to write each
 * deployment's SDL file beside its JSON (subgraphs/<kind>/deployments/<name>.graphql), and the
 * neutral instantiation codegen types the resolvers from. A running subgraph only reads its file.
 *
 * - the plan template: authority-plan's schema.graphql + plan.graphql + mutations.graphql and the
 *   shared source and audit types, with the deployment's own Authority type (e.g. RedcarAndCleveland)
 *   and its mutation namespace (Mutation.redcarAndCleveland: RedcarAndClevelandPlanMutations!);
 * - the registry: region's schema.graphql with one Authority type per plan deployment, and
 *   LocalAuthority carrying the plan fields (from the same plan.graphql) for the rest;
 * - the outcomes template: outcomes' schema/domain.graphql under the deployment's names.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, print, type DocumentNode, type ObjectTypeDefinitionNode } from "graphql";
import { documentOf, entityImplementing, findInterface, loadSdl, withoutTypes } from "@tees/subgraph-common/sdl";
import { mutationFieldName, mutationsTypeName } from "../subgraphs/authority-plan/src/schema";
import type { OutcomeDeployment } from "../subgraphs/outcomes/src/deployments";
import { instantiateName } from "../subgraphs/outcomes/src/schema";
import type { PlanAuthority } from "../subgraphs/region/src/config";
import { LOCAL_AUTHORITY_TYPE } from "../subgraphs/region/src/schema";

const subgraphs = join(import.meta.dirname, "../subgraphs");
const common = (file: string) => loadSdl(join(subgraphs, "common/schema", file));

/**
 * The plan template's neutral instantiation, which codegen reads: an authority type no authority
 * has, so the generated resolver types (ThisAuthorityResolvers, ThisAuthorityPlanMutationsResolvers)
 * fit every deployment and name none.
 */
export const NEUTRAL_PLAN_TYPE = "ThisAuthority";

const plan = {
  base: loadSdl(join(subgraphs, "authority-plan/schema.graphql")),
  plan: loadSdl(join(subgraphs, "authority-plan/plan.graphql")),
  mutations: loadSdl(join(subgraphs, "authority-plan/mutations.graphql")),
};

function mutationTypes(typeName: string): ObjectTypeDefinitionNode[] {
  const template = plan.mutations.definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "PlanMutations",
  );
  if (!template) throw new Error("mutations.graphql defines no PlanMutations type");
  const namespace: ObjectTypeDefinitionNode = { ...template, name: { kind: Kind.NAME, value: mutationsTypeName(typeName) } };
  const root = parse(`
    type Mutation {
      "Changes to ${typeName}'s plans: its editors only. One write per operation (see ${mutationsTypeName(typeName)})."
      ${mutationFieldName(typeName)}: ${mutationsTypeName(typeName)}!
    }
  `).definitions[0] as ObjectTypeDefinitionNode;
  return [root, namespace];
}

/** One plan deployment's SDL, for its authority type (e.g. RedcarAndCleveland). */
export function planSdl(typeName: string): DocumentNode {
  const fields = findInterface(plan.plan, "Authority").fields ?? [];
  return documentOf([
    ...plan.base.definitions,
    ...plan.plan.definitions,
    entityImplementing(typeName, "Authority", "code", fields),
    ...mutationTypes(typeName),
    ...common("source.graphql").definitions,
    ...common("audit.graphql").definitions,
  ]);
}

const regionTemplate = loadSdl(join(subgraphs, "region/schema.graphql"));

/**
 * The registry's SDL: its own types, one concrete Authority type per plan authority, and
 * LocalAuthority, which carries the plan fields (from the same plan.graphql the plan deployments
 * serve) so that every implementation of the composed Authority interface has them. With no plan
 * authorities it is the registry's neutral instantiation, which codegen reads.
 */
export function regionSdl(planAuthorities: readonly PlanAuthority[]): DocumentNode {
  const registryFields = findInterface(regionTemplate, "Authority").fields ?? [];
  const planFields = (findInterface(plan.plan, "Authority").fields ?? []).filter((f) => f.name.value !== "code");
  return documentOf([
    ...regionTemplate.definitions,
    ...planAuthorities.map((a) => entityImplementing(a.typeName, "Authority", "code", registryFields)),
    entityImplementing(LOCAL_AUTHORITY_TYPE, "Authority", "code", [...registryFields, ...planFields]),
    // the plan value types; the registry owns Theme and its own Authority interface, and serves no plan mutations (no inputs)
    ...withoutTypes(plan.plan, ["Authority", "Theme"]).filter((d) => d.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION),
    ...common("source.graphql").definitions,
    ...common("neighbours.graphql").definitions,
    ...common("audit.graphql").definitions,
  ]);
}

/** the outcomes template, and the shared files beside it, in the order a deployment's SDL lists them */
export const outcomeTemplateFile = join(subgraphs, "outcomes/schema/domain.graphql");
export const outcomeSharedFiles = [
  join(subgraphs, "outcomes/schema/outcomes.graphql"),
  join(subgraphs, "common/schema/source.graphql"),
  join(subgraphs, "common/schema/neighbours.graphql"),
  join(subgraphs, "common/schema/audit.graphql"),
  join(subgraphs, "outcomes/schema/local-figures.graphql"),
];
const outcomeTemplate = readFileSync(outcomeTemplateFile, "utf8");

/** One outcomes deployment's SDL: the template under its names, and the shared outcome, source, neighbour and audit types. */
export function outcomeSdl(deployment: OutcomeDeployment): DocumentNode {
  const own = parse(instantiateName(deployment, outcomeTemplate.replaceAll("TOPICS_SUMMARY", deployment.summary)));
  return documentOf([own, ...outcomeSharedFiles.map((file) => loadSdl(file))].flatMap((d) => d.definitions));
}

/**
 * The outcomes template's neutral instantiation, which codegen reads: the template under its own
 * names (DomainProfile, Authority.domain ...), so the resolvers are typed once and renamed per deployment.
 */
export const NEUTRAL_OUTCOME_DEPLOYMENT: OutcomeDeployment = { name: "domain", typePrefix: "Domain", port: 0, summary: "TOPICS_SUMMARY", topics: ["TOPICS"] };

/** An SDL document as its committed file holds it. */
export const sdlText = (document: DocumentNode): string => print(document) + "\n";
