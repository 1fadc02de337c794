import { migrationsForDialect } from "@tees/subgraph-common/migrations";
import { migrations as mysql } from "./mysql";
import { migrations as sqlite } from "./sqlite";

export const outcomeMigrations = migrationsForDialect({ sqlite, mysql });
