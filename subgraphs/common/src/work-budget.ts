/**
 * A per-request work budget, and cancellation, for the outcomes subgraphs.
 *
 * Every statement a request's loaders run goes through its `Work` (run()): before the statement, the
 * request is checked (cancelled? over WORK_BUDGET_STATEMENTS or WORK_BUDGET_ROWS?) and the event loop
 * is given a turn, so a closed connection is seen between statements even on SQLite, whose driver
 * never yields; after it, its rows are counted, and a batch that took the request past WORK_BUDGET_ROWS
 * is refused. Resolvers that compute (a comparison per series) call
 * checkpoint() per unit of work, which also gives the event loop a turn every SLICE_MS. Over the
 * budget, both only ever reject a promise (never throw synchronously inside graphql-js's execution,
 * which would leave sibling promises unawaited and their rejections unhandled): a loader's batch
 * function rejects, every load() of that batch rejects, and every load() is awaited by the resolver
 * that made it.
 *
 * Cancellation: the HTTP layer (signed-http-server.ts) gives each request an AbortSignal that fires when its caller
 * leaves before the answer (the gateway timed out, or its client went away: gateway/src/limits.ts,
 * subgraphRequestsEndWithTheirClient). A caller that aborts half-closes the socket; Node then keeps it open for the
 * pending answer, so the signal follows the socket's 'end', not the response's 'close' (which comes
 * only after the work: that is why a client that left used not to reach the subgraph). From then on
 * the request's statements and units of work are abandoned: they never settle, as nobody can read the
 * answer (building an error for every pending field of a long list cost seconds of CPU). On
 * MySQL/MariaDB the statement running for the request is stopped with `KILL QUERY <connection id>` sent
 * on another pooled connection (each statement runs on a connection of its own, whose id is known);
 * better-sqlite3 cannot interrupt a running statement, so on SQLite the request stops at its next
 * statement or unit of work.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { setImmediate } from "node:timers";
import type { DataSource, EntityManager } from "typeorm";
import { classifyDatabaseError } from "./database/errors";

// the settings and their defaults are read with the rest of the configuration (config.ts)
export { DEFAULT_WORK_BUDGET, type WorkBudgetSettings } from "./config";
import type { WorkBudgetSettings } from "./config";

export type WorkErrorCode = "WORK_BUDGET_EXCEEDED" | "REQUEST_CANCELLED";

/** A coded error: the subgraph's maskError passes its message and code to the gateway, which passes coded errors on. */
export class WorkStopped extends Error {
  override name = "WorkStopped";
  readonly extensions: { code: WorkErrorCode };
  constructor(code: WorkErrorCode, message: string) {
    super(message);
    this.extensions = { code };
  }
}

/** What a subgraph counts over its life (read by /health). */
export class WorkCounters {
  /** requests stopped because their connection closed before the answer */
  cancelled = 0;
  /** requests stopped by their work budget */
  budgetExceeded = 0;
  /** units of work done (statements run and comparisons computed): stops growing when a request stops */
  units = 0;
  /** statements stopped on the server with KILL QUERY */
  killed = 0;
  snapshot(): Record<string, number> {
    return { workUnits: this.units, cancelledRequests: this.cancelled, budgetExceededRequests: this.budgetExceeded, killedStatements: this.killed };
  }
}

/** Runs SQL for one request: `query` gets the manager to run it with; `rowsOf` says how many rows it returned (default: the array's length). */
export interface Statements {
  run<T>(query: (manager: EntityManager) => Promise<T>, rowsOf?: (result: T) => number): Promise<T>;
}

/** The same with no budget and no cancellation (scripts, the region subgraph). */
export const unbudgeted = (dataSource: DataSource): Statements => ({ run: (query) => query(dataSource.manager) });

const rowCount = (result: unknown) => (Array.isArray(result) ? result.length : 1);

/**
 * How long a request computes before the event loop gets a turn. graphql-js starts every resolver
 * of a list at once and their continuations run as one chain of microtasks: without a turn, a closed
 * connection, a timer or another request waits for the whole list. Past the slice, every unit of
 * work of the request waits for the same next turn.
 */
const SLICE_MS = 10;

/**
 * How many items of lists a request builds at once in one turn of the event loop (turnForList): about
 * 10–15 ms of comparisons (measured: 20–30 µs each, with graphql-js completing them).
 */
const ITEMS_PER_TURN = 500;

/** One request's budget and cancellation. */
export class Work implements Statements {
  statements = 0;
  rows = 0;
  private stopped: WorkStopped | null = null;
  /** MySQL/MariaDB connection ids running this request's statements now */
  private readonly running = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly budget: WorkBudgetSettings,
    private readonly counters: WorkCounters,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener("abort", () => void this.cancel(), { once: true });
  }

  /** the reason this request stops, once it must (counted once) */
  private stop(error: WorkStopped): WorkStopped {
    if (!this.stopped) {
      this.stopped = error;
      if (error.extensions.code === "REQUEST_CANCELLED") this.counters.cancelled += 1;
      else this.counters.budgetExceeded += 1;
    }
    return this.stopped;
  }

  /** a cancelled request's answer can reach nobody: its work is abandoned (see abandon) */
  private get cancelled(): boolean {
    return this.stopped?.extensions.code === "REQUEST_CANCELLED" || (!this.stopped && this.signal?.aborted === true);
  }

  /** `another`: a statement is about to run */
  private check(another = true): void {
    if (this.signal?.aborted && !this.stopped) this.stop(cancelled());
    if (this.stopped) throw this.stopped;
    if (another && this.statements >= this.budget.statements) {
      throw this.stop(new WorkStopped("WORK_BUDGET_EXCEEDED", `work budget exceeded: this request needs more than ${this.budget.statements} SQL statements (WORK_BUDGET_STATEMENTS); ask for less`));
    }
    if (this.rows > this.budget.rows) {
      throw this.stop(new WorkStopped("WORK_BUDGET_EXCEEDED", `work budget exceeded: this request read more than ${this.budget.rows} rows (WORK_BUDGET_ROWS); ask for less`));
    }
  }

  private sliceStart = performance.now();
  private turn: Promise<void> | null = null;

  /** the next turn of the event loop, once the request has computed for SLICE_MS (shared by all its units of work) */
  private async yieldIfDue(): Promise<void> {
    if (!this.turn && performance.now() - this.sliceStart > SLICE_MS) {
      this.turn = nextTurn().then(() => {
        this.turn = null;
        this.sliceStart = performance.now();
      });
    }
    if (this.turn) {
      await this.turn;
      if (this.cancelled) return this.abandonNow();
      this.check(false);
    }
  }

  /**
   * A cancelled request's remaining work never settles: its connection is gone, so no answer (not even
   * the errors graphql-js would build for every field still pending, seconds of CPU for a long list)
   * can reach anyone. Nothing is left to run for it, and its objects are garbage once unreachable.
   * A request over its budget is still waiting for its answer: that rejects.
   */
  private abandonNow(): Promise<never> {
    if (!this.stopped) this.stop(cancelled());
    return new Promise<never>(() => undefined);
  }

  /** lists waiting for their turn to be built at once (turnForList), in the order they asked */
  private lists: Array<{ items: number; resolve: () => void; reject: (error: unknown) => void }> = [];
  private listsScheduled = false;

  /**
   * Waits for this request's turn to have a list of `items` built at once: graphql-js then completes the
   * whole list synchronously, with no promise per item (see unitDone()). Waiting lists are let go together,
   * up to ITEMS_PER_TURN items in one turn of the event loop (so that what they load next is still one
   * batch), and the rest in the turns after, each after the loop's I/O (a closed connection, another
   * request). Stopped: cancelled, they never settle; over its budget, they reject.
   */
  turnForList(items: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.lists.push({ items, resolve, reject });
      if (!this.listsScheduled) {
        this.listsScheduled = true;
        setImmediate(() => this.releaseLists());
      }
    });
  }

  private releaseLists(): void {
    this.listsScheduled = false;
    if (this.cancelled) {
      this.lists = [];
      void this.abandonNow();
      return;
    }
    try {
      this.check(false);
    } catch (error) {
      for (const list of this.lists.splice(0)) list.reject(error);
      return;
    }
    let released = 0;
    while (this.lists.length > 0 && (released === 0 || released + this.lists[0]!.items <= ITEMS_PER_TURN)) {
      const list = this.lists.shift()!;
      released += list.items;
      list.resolve();
    }
    if (this.lists.length > 0) {
      this.listsScheduled = true;
      setImmediate(() => this.releaseLists());
    }
  }

  /** A unit of computed work done at once, with no checkpoint (a comparison of a list that waited for its turn, turnForList): counted */
  unitDone(): void {
    this.counters.units += 1;
  }

  /** A unit of computed work (one comparison), before it is done: rejects once the request is over its budget; lets other work in every SLICE_MS. */
  async checkpoint(): Promise<void> {
    if (this.cancelled) return this.abandonNow();
    this.check(false);
    await this.yieldIfDue();
    this.counters.units += 1;
  }

  async run<T>(query: (manager: EntityManager) => Promise<T>, rowsOf: (result: T) => number = rowCount): Promise<T> {
    if (this.cancelled) return this.abandonNow();
    this.check();
    // a turn for I/O: the 'close' of this request's connection is seen here, even while SQLite never yields
    await nextTurn();
    this.sliceStart = performance.now();
    if (this.cancelled) return this.abandonNow();
    this.check();
    this.statements += 1;
    this.counters.units += 1;
    let result: T;
    if (this.dataSource.options.type === "better-sqlite3") {
      result = await query(this.dataSource.manager);
    } else {
      // its own pooled connection, so the statement can be stopped by that connection's id
      const runner = this.dataSource.createQueryRunner("master");
      try {
        // connecting here, not inside the runner's query(), so its failure is classified here (DATABASE_BUSY,
        // DATABASE_UNAVAILABLE) as database/errors.ts does for queries; a connection is never a statement timeout
        const connection = (await runner.connect().catch((error: unknown) => {
          throw classifyDatabaseError(error, 0) ?? error;
        })) as { threadId?: number };
        const id = connection.threadId;
        if (typeof id === "number") this.running.add(id);
        try {
          result = await query(runner.manager);
        } catch (error) {
          if (this.cancelled) return this.abandonNow(); // stopped by KILL QUERY
          throw error;
        } finally {
          if (typeof id === "number") this.running.delete(id);
        }
      } finally {
        await runner.release();
      }
    }
    if (this.cancelled) return this.abandonNow();
    this.rows += rowsOf(result);
    // rows past the budget: the answer built from them is refused too (and nothing more is run)
    this.check(false);
    return result;
  }

  /** The connection closed: no more statements; a statement running now on MySQL/MariaDB is stopped. */
  private async cancel(): Promise<void> {
    this.stop(cancelled());
    const ids = [...this.running];
    if (ids.length === 0 || this.dataSource.options.type === "better-sqlite3") return;
    for (const id of ids) {
      try {
        // another pooled connection; a user may stop its own connections' statements without extra privileges
        await this.dataSource.query(`KILL QUERY ${Number(id)}`);
        this.counters.killed += 1;
      } catch (error) {
        console.error(`[work] KILL QUERY ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

const cancelled = () => new WorkStopped("REQUEST_CANCELLED", "request cancelled: its connection closed before the answer (the gateway timed out or its client went away)");
