import type { DataSource } from "typeorm";
import type { Deployment } from "./config";
import { createLoaders, type PlanLoaders } from "./loaders";

export interface PlanContext {
  dataSource: DataSource;
  loaders: PlanLoaders;
  /** the authority this deployment serves */
  deployment: Deployment;
}

export function createContext(dataSource: DataSource, deployment: Deployment): PlanContext {
  return { dataSource, loaders: createLoaders(dataSource), deployment };
}
