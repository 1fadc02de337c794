/**
 * Kubernetes manifests for running across machines, generated from the same service list as
 * `npm run compose` and `npm start` (scripts/catalog.ts: the region, every plan deployment in
 * subgraphs/authority-plan/deployments/*.json, education and care), plus the gateway, the
 * dashboard and the Redis nonce store. Writes deploy/k8s/tees-partnership-graph.yaml and
 * deploy/k8s/kustomization.yaml; `--check` fails if they are out of date instead of writing.
 *
 *   npm run k8s            # after adding a deployment (with npm run compose)
 *   npm run k8s -- --check
 *
 * What is not here, on purpose: the Secret's values (created by the operator, README "Running
 * across machines"), and MySQL: each subgraph uses an external database of its own.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IProbe } from "kubernetes-models/v1/Probe";
import type { IService } from "kubernetes-models/v1/Service";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { graphName } from "./script-env";
import { repoRoot, subgraphCatalog, GATEWAY_PORT, type SubgraphEntry } from "./catalog";

export const manifestFile = join(repoRoot, "deploy/k8s/tees-partnership-graph.yaml");
export const kustomizationFile = join(repoRoot, "deploy/k8s/kustomization.yaml");

/** The one Secret every service reads its secrets from (created by the operator, never committed). */
export const SECRET_NAME = "tees-partnership-graph";
export const IMAGE = "tees-partnership-graph";
export const DASHBOARD_PORT = 4100;
const REDIS_PORT = 6379;

/**
 * Resource requests and limits, from `docs/benchmarks.md` (2-core AMD EPYC, Node 20):
 * - memory request: the steady RSS in the soak (MariaDB, last minute: region 140 MB, plan
 *   subgraphs 158 MB, education 164 MB, care 161 MB, gateway 203 MB), rounded up;
 * - memory limit: the peak RSS of a first start on national data (region 160 MB, plans 167 MB,
 *   education 304–329 MB, care 301–309 MB while importing the LAIT file, gateway 236–254 MB),
 *   with about 1.5× headroom;
 * - CPU: in the soak four clients keep both cores busy across six processes; the gateway and the
 *   outcome subgraphs do most of the work per query (issue 12's measurement: care 31 ms, education
 *   19 ms, gateway 17.5 ms of CPU per national comparison), so they request more. CPU is not
 *   limited (a limit only throttles a burst that a request would have allowed).
 * The dashboard was not in the soak: its request is the gateway's, its limit the same.
 */
const RESOURCES: Record<string, { cpu: string; memory: string; memoryLimit: string }> = {
  "subgraphs/region/src/main.ts": { cpu: "100m", memory: "160Mi", memoryLimit: "256Mi" },
  "subgraphs/authority-plan/src/main.ts": { cpu: "100m", memory: "176Mi", memoryLimit: "256Mi" },
  "subgraphs/outcomes/src/main.ts": { cpu: "250m", memory: "192Mi", memoryLimit: "512Mi" },
  gateway: { cpu: "500m", memory: "224Mi", memoryLimit: "384Mi" },
  dashboard: { cpu: "250m", memory: "224Mi", memoryLimit: "384Mi" },
};

// typed with the Kubernetes API's own types (kubernetes-models), so a misspelt or misplaced field
// fails `npm run typecheck`; test/k8s.test.ts validates every object against the API's schemas
type Env = IEnvVar;
const value = (name: string, v: string): Env => ({ name, value: v });
const secret = (name: string, key: string = name): Env => ({ name, valueFrom: { secretKeyRef: { name: SECRET_NAME, key } } });

/** The keys the operator's Secret must hold, in order (README "Running across machines"). */
export function secretKeys(): string[] {
  const keys = subgraphCatalog().flatMap((s) => [`DATABASE_URL_${graphName(s.name)}`, `DATABASE_DDL_URL_${graphName(s.name)}`, `SIGNING_SECRET_${graphName(s.name)}`]);
  return [...keys, "NONCE_STORE_PASSWORD", "NONCE_STORE_URL", "JWT_SECRETS", "DASHBOARD_JWT_SECRET"];
}

/** where every service serves its Prometheus metrics (a listener of its own, not the public one: README "Operating it") */
export const METRICS_PORT = 9464;
/**
 * Metrics, traces and logs, as compose sets them. Tracing stays off until OTEL_EXPORTER_OTLP_ENDPOINT
 * names your collector (an empty value is unset); 10% of traces are sampled, following the caller's choice.
 */
const observabilityEnv = (): Env[] => [
  value("METRICS_PORT", String(METRICS_PORT)),
  value("METRICS_HOST", "0.0.0.0"),
  value("LOG_LEVEL", "info"),
  value("OTEL_EXPORTER_OTLP_ENDPOINT", ""),
  value("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
  value("OTEL_TRACES_SAMPLER", "parentbased_traceidratio"),
  value("OTEL_TRACES_SAMPLER_ARG", "0.1"),
];
/** Prometheus' usual pod annotations: scrape the metrics listener */
const scrapeAnnotations = { "prometheus.io/scrape": "true", "prometheus.io/port": String(METRICS_PORT), "prometheus.io/path": "/metrics" };

const labels = (name: string) => ({ "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "tees-partnership-graph" });
const command = (entry: string) => ["node", "--import", "tsx", entry];
const httpProbe = (path: string, port: number, periodSeconds: number, failureThreshold: number): IProbe => ({
  httpGet: { path, port },
  periodSeconds,
  timeoutSeconds: 5,
  failureThreshold,
});
const resources = (key: string): IContainer["resources"] => {
  const r = RESOURCES[key];
  if (!r) throw new Error(`no resource figures for ${key} (scripts/k8s.ts RESOURCES)`);
  return { requests: { cpu: r.cpu, memory: r.memory }, limits: { memory: r.memoryLimit } };
};
/** the image runs as the `node` user (uid 1000); nothing is written outside /tmp */
const securityContext: IContainer["securityContext"] = { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } };

function service(name: string, port: number): IService {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, labels: labels(name) },
    spec: { selector: labels(name), ports: [{ name: "http", port, targetPort: port }] },
  };
}

function deployment(name: string, replicas: number, podSpec: IPodSpec, annotations?: Record<string, string>): IDeployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels: labels(name) },
    spec: {
      replicas,
      selector: { matchLabels: labels(name) },
      template: { metadata: { labels: labels(name), ...(annotations ? { annotations } : {}) }, spec: { automountServiceAccountToken: false, ...podSpec } },
    },
  };
}

function autoscaler(name: string, minReplicas: number, maxReplicas: number): IHorizontalPodAutoscaler {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name, labels: labels(name) },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
      minReplicas,
      maxReplicas,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
    },
  };
}

/**
 * One subgraph deployment: its own Deployment (one replica: replicas share only the nonce store,
 * so more can be run) and Service. An init container applies the database's pending migrations as
 * its schema user (what compose's one-shot `migrate` service does), so the subgraph itself runs
 * with data rights only and never serves a schema older than its code.
 */
function subgraphObjects(s: Pick<SubgraphEntry, "name" | "port" | "entry" | "env" | "poolSize">) {
  const g = graphName(s.name);
  // DB_POOL_SIZE as docker-compose.yml sets it, from the same list (scripts/catalog.ts)
  const pool = s.poolSize;
  const env: Env[] = [
    value("HOST", "0.0.0.0"),
    value("MIGRATE_ON_START", "false"),
    value("SEED_ON_START", "if-empty"),
    value("DB_QUEUE_LIMIT", "100"),
    value("DB_QUERY_TIMEOUT_MS", "10000"),
    secret("NONCE_STORE_URL"),
    ...Object.entries(s.env).map(([k, v]) => value(k, v)),
    value("PORT", String(s.port)),
    secret("DATABASE_URL", `DATABASE_URL_${g}`),
    value("DB_POOL_SIZE", String(pool)),
    secret("GATEWAY_SIGNING_SECRETS", `SIGNING_SECRET_${g}`),
    ...observabilityEnv(),
  ];
  const migrate: IContainer = {
    name: "migrate",
    image: IMAGE,
    command: ["node", "--import", "tsx", "scripts/db.ts", "migrate", s.name],
    env: [value("DB_QUERY_TIMEOUT_MS", "10000"), secret("DATABASE_URL", `DATABASE_DDL_URL_${g}`)],
    securityContext,
  };
  return [
    deployment(s.name, 1, {
      initContainers: [migrate],
      containers: [
        {
          name: s.name,
          image: IMAGE,
          command: command(s.entry),
          ports: [{ name: "http", containerPort: s.port }, { name: "metrics", containerPort: METRICS_PORT }],
          env,
          // /ready: the database answers; /health: the process answers. The first start seeds
          // (education and care import the national LAIT figures): the startup probe allows 10 min.
          startupProbe: httpProbe("/ready", s.port, 10, 60),
          readinessProbe: httpProbe("/ready", s.port, 10, 3),
          livenessProbe: httpProbe("/health", s.port, 20, 3),
          resources: resources(s.entry),
          securityContext,
        },
      ],
    }, scrapeAnnotations),
    service(s.name, s.port),
  ];
}

function gatewayObjects(subgraphs: { name: string; port: number }[]) {
  const env: Env[] = [
    value("HOST", "0.0.0.0"),
    value("PORT", String(GATEWAY_PORT)),
    ...subgraphs.map((s) => value(`SUBGRAPH_URL_${graphName(s.name)}`, `http://${s.name}:${s.port}/graphql`)),
    ...subgraphs.map((s) => secret(`SUBGRAPH_SECRET_${graphName(s.name)}`, `SIGNING_SECRET_${graphName(s.name)}`)),
    secret("JWT_SECRETS"),
    value("JWT_JWKS_FILE", ""),
    value("JWT_ISSUER", "tees-partnership-graph"),
    value("JWT_AUDIENCE", "tees-partnership-graph"),
    value("GATEWAY_ANONYMOUS_READ", "false"),
    // anonymous callers send the typed client's trusted documents only (SECURITY.md)
    value("GATEWAY_ARBITRARY_DOCUMENTS", "authenticated"),
    ...observabilityEnv(),
  ];
  return [
    deployment("gateway", 2, {
      containers: [
        {
          name: "gateway",
          image: IMAGE,
          command: command("gateway/src/index.ts"),
          ports: [{ name: "http", containerPort: GATEWAY_PORT }, { name: "metrics", containerPort: METRICS_PORT }],
          env,
          // Hive Gateway's own endpoints: /readiness (ready to serve), /healthcheck (alive)
          readinessProbe: httpProbe("/readiness", GATEWAY_PORT, 10, 3),
          livenessProbe: httpProbe("/healthcheck", GATEWAY_PORT, 20, 3),
          resources: resources("gateway"),
          securityContext,
        },
      ],
    }, scrapeAnnotations),
    service("gateway", GATEWAY_PORT),
    autoscaler("gateway", 2, 6),
  ];
}

function dashboardObjects() {
  const env: Env[] = [
    value("DASHBOARD_HOST", "0.0.0.0"),
    value("DASHBOARD_PORT", String(DASHBOARD_PORT)),
    value("DASHBOARD_GATEWAY_URL", `http://gateway:${GATEWAY_PORT}/graphql`),
    // signs the dashboard's own analyst token: the gateway's HS256 secret (the first of JWT_SECRETS)
    secret("DASHBOARD_JWT_SECRET"),
    value("DASHBOARD_JWT_ISSUER", "tees-partnership-graph"),
    value("DASHBOARD_JWT_AUDIENCE", "tees-partnership-graph"),
    value("DASHBOARD_TOKEN_LIFETIME_SECONDS", "3600"),
  ];
  return [
    deployment("dashboard", 2, {
      containers: [
        {
          name: "dashboard",
          image: IMAGE,
          command: command("dashboard/src/index.ts"),
          ports: [{ name: "http", containerPort: DASHBOARD_PORT }],
          env,
          readinessProbe: httpProbe("/health", DASHBOARD_PORT, 10, 3),
          livenessProbe: httpProbe("/health", DASHBOARD_PORT, 20, 3),
          resources: resources("dashboard"),
          securityContext,
        },
      ],
    }),
    service("dashboard", DASHBOARD_PORT),
    autoscaler("dashboard", 2, 4),
  ];
}

/** The nonce store every subgraph replica shares (SECURITY.md): nothing persisted, no eviction. */
function redisObjects() {
  return [
    deployment("redis", 1, {
      containers: [
        {
          name: "redis",
          image: "redis:7.4-alpine",
          command: ["sh", "-c", 'exec redis-server --requirepass "$NONCE_STORE_PASSWORD" --save "" --appendonly no --maxmemory 128mb --maxmemory-policy noeviction'],
          ports: [{ name: "redis", containerPort: REDIS_PORT }],
          env: [secret("NONCE_STORE_PASSWORD")],
          readinessProbe: { tcpSocket: { port: REDIS_PORT }, periodSeconds: 5 },
          livenessProbe: { tcpSocket: { port: REDIS_PORT }, periodSeconds: 20 },
          resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "192Mi" } },
          securityContext: { runAsNonRoot: true, runAsUser: 999, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
        },
      ],
    }),
    { ...service("redis", REDIS_PORT), spec: { selector: labels("redis"), ports: [{ name: "redis", port: REDIS_PORT, targetPort: REDIS_PORT }] } } satisfies IService,
  ];
}

/** Every object, in apply order. */
export type ManifestObject = IDeployment | IService | IHorizontalPodAutoscaler;
export function renderObjects(): ManifestObject[] {
  const subgraphs = subgraphCatalog();
  return [...redisObjects(), ...subgraphs.flatMap(subgraphObjects), ...gatewayObjects(subgraphs), ...dashboardObjects()];
}

const HEADER = `# Generated by \`npm run k8s\` from scripts/catalog.ts (the deployment list docker-compose.yml
# and npm start use): do not edit by hand. README "Running across machines".
# Before applying, create the Secret "${SECRET_NAME}" with these keys:
${secretKeys().map((k) => `#   ${k}`).join("\n")}
`;

export function renderManifest(): string {
  return HEADER + renderObjects().map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join("");
}

export function renderKustomization(): string {
  return `# Generated by \`npm run k8s\`. Set the image's registry and tag here (kustomize edit set image).
${stringify({
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources: ["tees-partnership-graph.yaml"],
    images: [{ name: IMAGE, newName: IMAGE, newTag: "local" }],
  })}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const [file, text] of [[manifestFile, renderManifest()], [kustomizationFile, renderKustomization()]] as const) {
    if (existsSync(file) && readFileSync(file, "utf8") === text) continue;
    stale += 1;
    if (check) console.error(`out of date: ${file}`);
    else {
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
  }
  if (check && stale) {
    console.error("run `npm run k8s` and commit the result");
    process.exit(1);
  }
  if (!stale) console.log("Kubernetes manifests are up to date");
}
