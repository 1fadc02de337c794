import type { DataSource } from "typeorm";
import type { Identity } from "@tees/subgraph-common/signed-identity";
import { createLoaders, type RegionLoaders } from "./loaders";

export interface RegionContext {
  dataSource: DataSource;
  loaders: RegionLoaders;
  /** ONS code → GraphQL type, for the authorities that run a plan subgraph (from configuration) */
  planTypes: ReadonlyMap<string, string>;
  /** who is asking, as the gateway signed it */
  identity: Identity;
}

export function createContext(dataSource: DataSource, planTypes: ReadonlyMap<string, string>, identity: Identity): RegionContext {
  return { dataSource, loaders: createLoaders(dataSource), planTypes, identity };
}
