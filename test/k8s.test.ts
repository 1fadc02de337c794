import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { Service } from "kubernetes-models/v1/Service";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { subgraphCatalog } from "../scripts/catalog";
import { graphName } from "../scripts/script-env";
import { IMAGE, kustomizationFile, manifestFile, renderKustomization, renderManifest, SECRET_NAME } from "../scripts/k8s";

/**
 * The Kubernetes manifests (deploy/k8s, README "Running across machines") are generated from the
 * deployment list, valid against the Kubernetes API's schemas, complete, and in step with
 * docker-compose.yml. No cluster runs here: kubernetes-models validates each object with the
 * API's own JSON schemas (required fields, types, formats); unknown fields are caught earlier, by
 * the typecheck of scripts/k8s.ts, which builds the objects with the API's types.
 */

const root = join(import.meta.dirname, "..");
const committed = readFileSync(manifestFile, "utf8");
const objects = parseAllDocuments(committed).map((d) => d.toJS() as { apiVersion: string; kind: string; metadata: { name: string } });
const deployments = objects.filter((o): o is IDeployment & { metadata: { name: string } } => o.kind === "Deployment");
const deploymentNamed = (name: string) => {
  const found = deployments.find((d) => d.metadata.name === name);
  if (!found) throw new Error(`no Deployment ${name} in ${manifestFile}`);
  return found;
};
const mainContainer = (name: string): IContainer => {
  const container = deploymentNamed(name).spec?.template.spec?.containers[0];
  if (!container) throw new Error(`Deployment ${name} has no container`);
  return container;
};

const models = {
  "apps/v1/Deployment": Deployment,
  "v1/Service": Service,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
} as const;

describe("Kubernetes manifests", () => {
  it("are generated: the committed files are what `npm run k8s` writes from today's deployment list", () => {
    expect(committed, "deploy/k8s is out of date: run `npm run k8s` and commit").toBe(renderManifest());
    expect(readFileSync(kustomizationFile, "utf8")).toBe(renderKustomization());
  });

  it("every object is valid against the Kubernetes API schemas, and the validator does reject a broken one", () => {
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      const Model = models[`${object.apiVersion}/${object.kind}` as keyof typeof models];
      expect(Model, `${object.apiVersion} ${object.kind} has a schema here`).toBeDefined();
      expect(() => new Model(object as never).validate(), `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
    const broken = structuredClone(deploymentNamed("gateway"));
    (broken.spec!.template.spec!.containers[0]!.ports![0] as { containerPort: unknown }).containerPort = "4000/tcp";
    expect(() => new Deployment(broken).validate()).toThrow(/containerPort must be integer/);
    const noSelector = structuredClone(deploymentNamed("gateway"));
    delete (noSelector.spec as { selector?: unknown }).selector;
    expect(() => new Deployment(noSelector).validate()).toThrow(/selector/);
  });

  it("has one Deployment and one Service per subgraph deployment, each probed on its own /ready and /health", () => {
    const services = new Set(objects.filter((o) => o.kind === "Service").map((o) => o.metadata.name));
    for (const subgraph of subgraphCatalog()) {
      const container = mainContainer(subgraph.name);
      expect(services.has(subgraph.name), `Service ${subgraph.name}`).toBe(true);
      expect(container.command).toEqual(["node", "--import", "tsx", subgraph.entry]);
      expect(container.ports?.[0]?.containerPort).toBe(subgraph.port);
      expect(container.readinessProbe?.httpGet).toEqual({ path: "/ready", port: subgraph.port });
      expect(container.livenessProbe?.httpGet).toEqual({ path: "/health", port: subgraph.port });
      for (const [name, value] of Object.entries(subgraph.env)) expect(container.env).toContainEqual({ name, value });
      // its own external database, as its data user; migrations as the schema user, before it starts
      expect(container.env).toContainEqual({ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: SECRET_NAME, key: `DATABASE_URL_${graphName(subgraph.name)}` } } });
      const migrate = deploymentNamed(subgraph.name).spec?.template.spec?.initContainers?.[0];
      expect(migrate?.command).toEqual(["node", "--import", "tsx", "scripts/db.ts", "migrate", subgraph.name]);
      expect(migrate?.env).toContainEqual({ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: SECRET_NAME, key: `DATABASE_DDL_URL_${graphName(subgraph.name)}` } } });
      expect(container.resources?.requests?.memory, `${subgraph.name} requests memory`).toMatch(/^\d+Mi$/);
    }
    // the gateway reaches every subgraph by its Service's name
    const gatewayEnv = mainContainer("gateway").env ?? [];
    for (const subgraph of subgraphCatalog()) {
      expect(gatewayEnv).toContainEqual({ name: `SUBGRAPH_URL_${graphName(subgraph.name)}`, value: `http://${subgraph.name}:${subgraph.port}/graphql` });
    }
  });

  it("runs the gateway and the dashboard with at least 2 replicas and an autoscaler, probed on their own endpoints", () => {
    const autoscalers = objects.filter((o): o is IHorizontalPodAutoscaler & { metadata: { name: string } } => o.kind === "HorizontalPodAutoscaler");
    for (const name of ["gateway", "dashboard"]) {
      expect(deploymentNamed(name).spec?.replicas).toBeGreaterThanOrEqual(2);
      const hpa = autoscalers.find((a) => a.spec?.scaleTargetRef.name === name);
      expect(hpa?.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    }
    expect(mainContainer("gateway").readinessProbe?.httpGet?.path).toBe("/readiness");
    expect(mainContainer("gateway").livenessProbe?.httpGet?.path).toBe("/healthcheck");
    expect(mainContainer("dashboard").readinessProbe?.httpGet?.path).toBe("/health");
  });

  it("takes every secret from the Kubernetes Secret, never as a literal value", () => {
    const secretLike = /SECRET|PASSWORD|DATABASE_URL|NONCE_STORE_URL/;
    for (const deployment of deployments) {
      const spec = deployment.spec?.template.spec;
      for (const container of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
        for (const variable of container.env ?? []) {
          if (!secretLike.test(variable.name)) continue;
          expect(variable.value, `${deployment.metadata.name}: ${variable.name}`).toBeUndefined();
          expect(variable.valueFrom?.secretKeyRef?.name).toBe(SECRET_NAME);
        }
      }
    }
  });

  it("holds the same services as docker-compose.yml, with the same commands and the same settings", () => {
    type ComposeService = { image?: string; command?: string[]; environment?: Record<string, unknown> };
    const compose = parse(readFileSync(join(root, "docker-compose.yml"), "utf8"), { merge: true }) as { services: Record<string, ComposeService> };
    // the project's own services; compose's one-shot `migrate` is each Deployment's init container here
    const own = Object.entries(compose.services).filter(([name, s]) => s.image?.startsWith(`${IMAGE}:`) && name !== "migrate");
    expect(own.map(([name]) => name).sort()).toEqual(deployments.map((d) => d.metadata.name).filter((n) => n !== "redis").sort());
    for (const [name, s] of own) {
      const container = mainContainer(name);
      expect(container.command, `${name}: command`).toEqual(s.command);
      const composeSettings = Object.keys(s.environment ?? {}).sort();
      const k8sSettings = (container.env ?? []).map((e) => e.name).sort();
      expect(k8sSettings, `${name}: settings`).toEqual(composeSettings);
    }
    expect(compose.services.redis, "compose's nonce store").toBeDefined();
    expect(mainContainer("redis").image).toBe(compose.services.redis?.image);
  });
});
