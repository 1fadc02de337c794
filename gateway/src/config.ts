import { readFileSync } from "node:fs";
import { join } from "node:path";

export class GatewayConfigError extends Error {
  override name = "GatewayConfigError";
}

export interface GatewayConfig {
  port: number;
  host: string;
  /** the composed supergraph SDL (npm run compose) */
  supergraphSdl: string;
  /** subgraph name → URL, overriding the supergraph's (SUBGRAPH_URL_<NAME>, e.g. SUBGRAPH_URL_REDCAR_AND_CLEVELAND) */
  subgraphUrls: Record<string, string>;
  /** a subgraph slower than this yields partial data and an error */
  subgraphTimeoutMs: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new GatewayConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const file = env.SUPERGRAPH_FILE?.trim() || join(import.meta.dirname, "../supergraph.graphql");
  let supergraphSdl: string;
  try {
    supergraphSdl = readFileSync(file, "utf8");
  } catch (error) {
    throw new GatewayConfigError(`SUPERGRAPH_FILE ${file}: ${(error as Error).message}`);
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith("SUBGRAPH_URL_") || !value) continue;
    try {
      new URL(value);
    } catch {
      throw new GatewayConfigError(`${key} is not a URL: "${value}"`);
    }
    subgraphUrls[key.slice("SUBGRAPH_URL_".length)] = value;
  }
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST?.trim() || "127.0.0.1",
    supergraphSdl,
    subgraphUrls,
    subgraphTimeoutMs: integer(env, "SUBGRAPH_TIMEOUT_MS", 10_000, 100, 600_000),
  };
}
