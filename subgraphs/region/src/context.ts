import type { DataSource } from "typeorm";
import { createLoaders, type RegionLoaders } from "./loaders";

export interface RegionContext {
  dataSource: DataSource;
  loaders: RegionLoaders;
  /** ONS code → GraphQL type, for the authorities that run a plan subgraph (from configuration) */
  planTypes: ReadonlyMap<string, string>;
}

export function createContext(dataSource: DataSource, planTypes: ReadonlyMap<string, string>): RegionContext {
  return { dataSource, loaders: createLoaders(dataSource), planTypes };
}
