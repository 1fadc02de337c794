/** What /ready and the metrics ask of a subgraph's database. */
import type { DataSource } from "typeorm";
import type { DatabasePool } from "../observability";

/** readiness: the database answers a trivial statement */
export async function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  await dataSource.query("SELECT 1");
  return true;
}

/** what the metrics say of the database's connections: mysql2's pool (its own counts), or SQLite's none */
export function databasePool(dataSource: DataSource): DatabasePool {
  const type = dataSource.options.type;
  if (type !== "mysql" && type !== "mariadb") return { engine: "sqlite" };
  // mysql2's pool keeps these three queues (lib/base/pool.js); TypeORM's MysqlDriver holds the pool
  const pool = (dataSource.driver as unknown as { pool?: { config?: { connectionLimit?: number }; _allConnections?: { length: number }; _freeConnections?: { length: number }; _connectionQueue?: { length: number } } }).pool;
  return {
    engine: type, size: pool?.config?.connectionLimit ?? 0,
    all: pool?._allConnections?.length ?? 0, free: pool?._freeConnections?.length ?? 0, waiting: pool?._connectionQueue?.length ?? 0,
  };
}
