/** Database failures a client can act on, told apart from the rest (which stay internal errors). */
import { QueryFailedError } from "typeorm";

export type DatabaseErrorCode = "DATABASE_TIMEOUT" | "DATABASE_UNAVAILABLE" | "DATABASE_BUSY" | "WRITE_CONFLICT";

/**
 * A database failure the client can act on (retry, or ask for less), said plainly. graphql-js copies
 * `extensions` from the thrown error onto the GraphQL error and maskError passes coded errors through,
 * so the client reads this message and code; the driver's own error (SQL, addresses) stays in `cause`.
 */
export class DatabaseError extends Error {
  override name = "DatabaseError";
  readonly extensions: { code: DatabaseErrorCode };
  constructor(code: DatabaseErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.extensions = { code };
  }
}

// server error numbers: statement stopped by max_statement_time (MariaDB) / max_execution_time (MySQL)
const TIMEOUT_ERRNOS = new Set([1969, 3024]);
// too many connections, server shutdown, too many user connections, query interrupted, connection killed
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 1203, 1317, 1927]);
// a row with this key already exists: MySQL/MariaDB ER_DUP_ENTRY; SQLite primary key / unique constraint
const DUPLICATE_ERRNOS = new Set([1062]);
const DUPLICATE_CODES = new Set(["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE"]);
// client side: the socket went away or never came up
const UNAVAILABLE_CODES = new Set([
  "PROTOCOL_CONNECTION_LOST", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
]);

/** The DatabaseError a client should see for this failure, or undefined (then it stays an internal error). */
export function classifyDatabaseError(error: unknown, queryTimeoutMs: number): DatabaseError | undefined {
  if (error instanceof DatabaseError) return error;
  const driverError: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (!(driverError instanceof Error)) return undefined;
  const { errno, code, fatal } = driverError as Error & { errno?: unknown; code?: unknown; fatal?: unknown };
  if (typeof errno === "number" && TIMEOUT_ERRNOS.has(errno)) {
    return new DatabaseError("DATABASE_TIMEOUT", `database statement stopped after ${queryTimeoutMs} ms (DB_QUERY_TIMEOUT_MS)`, { cause: error });
  }
  // every write checks for an existing row first, in its transaction: a duplicate now means another write
  // created the same record at the same moment (two first-time records of one figure, say)
  if ((typeof errno === "number" && DUPLICATE_ERRNOS.has(errno)) || (typeof code === "string" && DUPLICATE_CODES.has(code))) {
    return new DatabaseError("WRITE_CONFLICT", "another write created the same record at the same moment; nothing was changed by this one: try again", { cause: error });
  }
  // mysql2's pool says this when DB_QUEUE_LIMIT requests are already waiting for a connection
  if (driverError.message === "Queue limit reached.") {
    return new DatabaseError("DATABASE_BUSY", "database busy: too many requests waiting for a connection (DB_QUEUE_LIMIT); try again shortly", { cause: error });
  }
  if (
    fatal === true ||
    (typeof errno === "number" && UNAVAILABLE_ERRNOS.has(errno)) ||
    (typeof code === "string" && UNAVAILABLE_CODES.has(code)) ||
    driverError.message === "Pool is closed."
  ) {
    return new DatabaseError("DATABASE_UNAVAILABLE", "database unavailable; try again shortly", { cause: error });
  }
  return undefined;
}
