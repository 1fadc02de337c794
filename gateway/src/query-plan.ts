/**
 * Query planning, timed and traced. The Hive Router runtime plans inside its executor and offers no
 * hook around planning, so the planner's one entry point (QueryPlanner.planAsync, from
 * @graphql-hive/router-query-planner, the package the runtime plans with) is wrapped here, once per
 * process: a plan is made once per document and operation, then cached by the runtime, so this runs
 * only on a cache miss. The wrapper reports to the gateway observing it (observePlanning; the last one
 * built in a process, as with its tracer): a `graphql.plan` span under the active one (the operation's
 * execute span) and the planning time.
 */
import { QueryPlanner } from "@graphql-hive/router-query-planner";
import { SpanStatusCode, type Tracer } from "@opentelemetry/api";

export interface PlanningObserver {
  tracer: Tracer | null;
  planned: ((seconds: number, outcome: "ok" | "failed") => void) | null;
}

let observer: PlanningObserver = { tracer: null, planned: null };

/** Which gateway's tracer and metrics see the planner from now on. */
export function observePlanning(next: PlanningObserver): void {
  observer = next;
}

const planAsync = QueryPlanner.prototype.planAsync;
QueryPlanner.prototype.planAsync = function observedPlanAsync(this: QueryPlanner, ...args: Parameters<typeof planAsync>) {
  const { tracer, planned } = observer;
  const started = performance.now();
  const finish = (outcome: "ok" | "failed") => planned?.((performance.now() - started) / 1000, outcome);
  if (!tracer) {
    return planAsync.apply(this, args).then(
      (plan) => (finish("ok"), plan),
      (error: unknown) => {
        finish("failed");
        throw error;
      },
    );
  }
  return tracer.startActiveSpan("graphql.plan", (span) => {
    if (args[1]) span.setAttribute("graphql.operation.name", args[1]);
    return planAsync.apply(this, args).then(
      (plan) => {
        span.end();
        finish("ok");
        return plan;
      },
      (error: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        span.end();
        finish("failed");
        throw error;
      },
    );
  });
};
