import type { DataSource } from "typeorm";
import type { Identity } from "@tees/subgraph-common/signed-identity";
import type { OutcomeDomain } from "@tees/outcomes/topics";
import type { Deployment } from "./config";
import { createLoaders, type PlanLoaders } from "./loaders";

export interface PlanContext {
  dataSource: DataSource;
  loaders: PlanLoaders;
  /** the authority this deployment serves */
  deployment: Deployment;
  /** measure code → the outcomes subgraph that holds it (from the LAIT data dictionary) */
  measureDomains: ReadonlyMap<string, OutcomeDomain>;
  /** who is asking, as the gateway signed it; writes are authorised from this alone */
  identity: Identity;
}

export function createContext(dataSource: DataSource, deployment: Deployment, measureDomains: ReadonlyMap<string, OutcomeDomain>, identity: Identity): PlanContext {
  return { dataSource, loaders: createLoaders(dataSource), deployment, measureDomains, identity };
}
