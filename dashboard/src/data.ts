/**
 * The dashboard's only way to the data: the typed client (gateway/client/request.ts) with the
 * generated operations of gateway/client/operations/dashboard-*.graphql, and the server's own token.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { execute } from "../../gateway/client/request";
import type { TokenSource } from "../../gateway/client/token";
import {
  DashboardAreasDocument, DashboardMeasuresDocument, type DashboardAreasQuery, type DashboardMeasuresQuery,
} from "../../gateway/client/generated/graphql";

/** the gateway gave no data at all (not reachable, or refused): the page says so, with a 503 */
export class GatewayUnavailable extends Error {
  override name = "GatewayUnavailable";
}

export type MeasureInfo = DashboardMeasuresQuery["careMeasures"][number] & { subgraph: "care" | "education" };

export interface Catalogue {
  areas: DashboardAreasQuery["authorities"];
  themes: DashboardAreasQuery["themes"];
  measures: MeasureInfo[];
  measureByCode: Map<string, MeasureInfo>;
}

/** lists that change only with an import: kept for a few minutes rather than asked on every page */
const CATALOGUE_TTL_MS = 5 * 60_000;

export class Data {
  private catalogue: { at: number; value: Promise<Catalogue> } | null = null;

  constructor(private readonly gatewayUrl: string, private readonly token: TokenSource, private readonly timeoutMs: number) {}

  async run<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<{ data: TData; errors: string[] }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GatewayUnavailable(`the gateway did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([execute(this.gatewayUrl, document, variables, this.token), timeout]);
    } catch (error) {
      if (error instanceof GatewayUnavailable) throw error;
      throw new GatewayUnavailable((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  catalogueNow(): Promise<Catalogue> {
    if (this.catalogue && Date.now() - this.catalogue.at < CATALOGUE_TTL_MS) return this.catalogue.value;
    const value = Promise.all([this.run(DashboardAreasDocument, {}), this.run(DashboardMeasuresDocument, {})]).then(([areas, measures]) => {
      const all: MeasureInfo[] = [
        ...measures.data.educationMeasures.map((m) => ({ ...m, subgraph: "education" as const })),
        ...measures.data.careMeasures.map((m) => ({ ...m, subgraph: "care" as const })),
      ].sort((a, b) => a.topic.localeCompare(b.topic) || a.name.localeCompare(b.name));
      return {
        areas: [...areas.data.authorities].sort((a, b) => a.name.localeCompare(b.name)),
        themes: areas.data.themes,
        measures: all,
        measureByCode: new Map(all.map((m) => [m.code, m])),
      };
    });
    this.catalogue = { at: Date.now(), value };
    value.catch(() => (this.catalogue = null));
    return value;
  }
}
