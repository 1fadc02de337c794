/**
 * The one audited-write pipeline: every write of every subgraph (an authority's plans, local
 * figures in education and care) goes through `run` below, in this order:
 *
 * 1. authorise: the signed identity must be an editor of the authority the write changes (never
 *    from the arguments); refused before anything about the input is looked at;
 * 2. validate: the arguments against their zod schema, every problem at once (one BAD_USER_INPUT,
 *    input-errors.ts), then the checks against what this service knows (e.g. its measures), again
 *    every problem at once; nothing is read from the write's tables or written yet;
 * 3. ONE transaction makes the change and records its audit entries with the same manager: both
 *    land, or neither (a check against the rows inside it fails the whole transaction);
 * 4. invalidate: the request gets a fresh loader set (one rule for every subgraph, see below).
 */
import type { DataSource, EntityManager } from "typeorm";
import type { z } from "zod";
import { recordAudit, type AuditedChange } from "./audit/record";
import { requireEditorOf, type Editor } from "./authorization";
import { badInputs, problemsOf, type InputProblem } from "./input-errors";
import type { Identity } from "./signed-identity";

/** What a write needs of a request's context. */
export interface WriteContext {
  dataSource: DataSource;
  identity: Identity;
  loaders: unknown;
}

/** One audit entry of a write (the operation is the write's own). */
export type AuditRecord = Omit<AuditedChange, "operation">;

/** What one write did: its result, and its audit entries (usually one; a local figure citing a new document records both). */
export interface Change<T> {
  result: T;
  audit: AuditRecord[];
}

/** The one transaction of a write (default: the data source's own, at the database's default isolation). */
export type WriteTransaction = <R>(dataSource: DataSource, run: (manager: EntityManager) => Promise<R>) => Promise<R>;

/** How one subgraph's writes fit the pipeline. */
export interface WriteSite<C extends WriteContext> {
  /** the authority whose data the write changes (the deployment's, or the identity's own) */
  authorityOf(context: C): string;
  /** a new loader set for this request, made as the request's first one was (same data source, same work budget) */
  freshLoaders(context: C): C["loaders"];
  transaction?: WriteTransaction;
}

/** One write: its operation (the audit log's name for it), its arguments' schema, its checks and its change. */
export interface AuditedWrite<C extends WriteContext, S extends z.ZodType, T> {
  operation: string;
  /** the whole arguments object (`{ id, input }`): a problem's field is its path ("input.timescale.start") */
  arguments: S;
  /** checks of the valid arguments against what the service knows (no write's tables): every problem found */
  check?(value: z.output<S>, context: C): InputProblem[] | Promise<InputProblem[]>;
  /** the change itself, with the transaction's manager; throws (e.g. badInput, forbidden) to roll everything back */
  change(manager: EntityManager, value: z.output<S>, editor: Editor): Promise<Change<T>>;
}

const defaultTransaction: WriteTransaction = (dataSource, run) => dataSource.transaction(run);

/** The pipeline for one subgraph's writes: `const write = auditedWrites(site); write(context, args, { ... })`. */
export function auditedWrites<C extends WriteContext>(site: WriteSite<C>) {
  const transaction = site.transaction ?? defaultTransaction;
  return async function run<S extends z.ZodType, T>(context: C, args: unknown, write: AuditedWrite<C, S, T>): Promise<T> {
    const editor = requireEditorOf(context.identity, site.authorityOf(context));

    const parsed = write.arguments.safeParse(args);
    if (!parsed.success) throw badInputs(problemsOf(parsed.error));
    const value = parsed.data;
    const problems = write.check ? await write.check(value, context) : [];
    if (problems.length > 0) throw badInputs(problems);

    const result = await transaction(context.dataSource, async (manager) => {
      const done = await write.change(manager, value, editor);
      for (const entry of done.audit) await recordAudit(manager, editor, editor.authority, { operation: write.operation, ...entry });
      return done.result;
    });

    // One rule for every subgraph: after a write the request's loaders are replaced by a fresh set,
    // never cleared loader by loader. Safe because (a) a loader set belongs to one request and holds
    // only what that request has read, so dropping it loses nothing but cache; (b) resolvers take
    // `context.loaders` when they run and never keep a set, so every field resolved after the write
    // (the write's own result, and later mutation fields, which GraphQL runs one after another) reads
    // through the new set and sees the committed state; (c) there is no list of "loaders a write
    // touches" to keep up to date as loaders are added. A failed write changed nothing, so the
    // loaders are kept.
    context.loaders = site.freshLoaders(context);
    return result;
  };
}
