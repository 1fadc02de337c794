/** Reads and small helpers the writes share; every read uses the write's own transaction. */
import { randomUUID } from "node:crypto";
import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral, type QueryDeepPartialEntity } from "typeorm";
import type { SourceColumns } from "@tees/subgraph-common/entities/SourceColumns";
import { Plan, SourceDocument } from "../entities";
import type { StatedValueColumns } from "../entities/PerformanceIndicator";
import { badInput } from "@tees/subgraph-common/input-errors";
import type { SourceInput, StatedValueInput } from "./inputs";

/** `<document key>/<kind>-<uuid>`: the seeds' `<document key>/<item key>` shape, never clashing with a seeded key */
export const newId = (documentKey: string, kind: string): string => `${documentKey}/${kind}-${randomUUID()}`;

/** a plain copy of a row for the audit log (embedded columns included), taken before it changes */
export const snapshot = <T extends object>(row: T): Record<string, unknown> => structuredClone({ ...row }) as Record<string, unknown>;

interface WithId {
  id: string;
}

/** The row with this id in this deployment's database, or a BAD_USER_INPUT naming the argument. */
export async function findOrFail<T extends WithId>(manager: EntityManager, entity: EntityTarget<T>, id: string, field: string, what: string): Promise<T> {
  const row = await manager.findOneBy(entity, { id } as FindOptionsWhere<T>);
  if (!row) throw badInput(field, `no ${what} with id "${id}" in this authority's plans`);
  return row;
}

/** The rows with these ids, in the order given; an unknown id is a BAD_USER_INPUT naming its position. */
export async function findAllOrFail<T extends WithId>(manager: EntityManager, entity: EntityTarget<T>, ids: string[], field: string, what: string): Promise<T[]> {
  if (ids.length === 0) return [];
  const rows = await manager.findBy(entity, { id: In(ids) } as FindOptionsWhere<T>);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id, i) => {
    const row = byId.get(id);
    if (!row) throw badInput(`${field}.${i}`, `no ${what} with id "${id}" in this authority's plans`);
    return row;
  });
}

/** the next position at the end of a list (plan's priorities, action's notes, ...) */
export async function nextOrdinal<T extends { ordinal: number }>(manager: EntityManager, entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<number> {
  const max = await manager.getRepository(entity).maximum("ordinal" as never, where);
  return max === null ? 0 : max + 1;
}

/**
 * Inserts rows whose every column is given, without TypeORM's read-back of columns that have a
 * database default (one more SELECT per insert on SQLite and MySQL): the basis and narrative columns.
 */
export async function insertGiven<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): Promise<void> {
  if (rows.length) await manager.createQueryBuilder().insert().into(entity).values(rows).updateEntity(false).execute();
}

/** A fact's source: the plan's own document unless another one held here is named. */
export async function sourceOf(manager: EntityManager, input: SourceInput, plan: Pick<Plan, "documentKey">, field: string): Promise<SourceColumns> {
  const document = input.document ?? plan.documentKey;
  if (document !== plan.documentKey && !(await manager.existsBy(SourceDocument, { key: document }))) {
    throw badInput(`${field}.document`, `no source document with key "${document}" in this authority's data`);
  }
  return { document, section: input.section, quote: input.quote ?? null };
}

/** A stated target or current value; absent: all null (the plan states none), and a missing figure stays null, never 0. */
export const statedValue = (input: StatedValueInput | null | undefined): StatedValueColumns => ({
  value: input?.value ?? null,
  unit: input?.unit ?? null,
  asAt: input?.asAt ?? null,
  text: input?.text ?? null,
  periodStart: input?.periodStart ?? null,
  periodEnd: input?.periodEnd ?? null,
});

