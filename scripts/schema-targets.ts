import { regionEntities } from "../subgraphs/region/src/entities";
import { regionMigrations } from "../subgraphs/region/src/migrations";
import { planEntities } from "../subgraphs/authority-plan/src/entities";
import { planMigrations } from "../subgraphs/authority-plan/src/migrations";
import { outcomeEntities } from "@tees/outcomes/entities";
import { outcomeMigrations } from "@tees/outcomes/migrations";

export type Dialect = "sqlite" | "mysql";

/** Each kind of subgraph database: its entities and its migrations, per dialect. */
export const schemaTargets = [
  { name: "region", entities: regionEntities, migrations: regionMigrations, migrationsDir: "subgraphs/region/src/migrations" },
  { name: "authority-plan", entities: planEntities, migrations: planMigrations, migrationsDir: "subgraphs/authority-plan/src/migrations" },
  { name: "outcomes", entities: outcomeEntities, migrations: outcomeMigrations, migrationsDir: "subgraphs/outcomes/src/migrations" },
];
