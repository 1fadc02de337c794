import { migrationsForDialect } from "@tees/subgraph-common/database/migrate";
import { migrations as mysql } from "./mysql";
import { migrations as sqlite } from "./sqlite";

export const outcomeMigrations = migrationsForDialect({ sqlite, mysql });
