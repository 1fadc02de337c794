import DataLoader from "dataloader";
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from "typeorm";
import { unbudgeted, type Statements } from "./work-budget";

/** where a loader's statements run: straight on the data source, or through a request's work budget (work-budget.ts) */
export type StatementSource = DataSource | Statements;
const statementsOf = (source: StatementSource): Statements => ("run" in source && typeof source.run === "function" ? source : unbudgeted(source as DataSource));

/** items by key, in their order (a loader's rows by parent, without copying a list per row) */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** a result every resolver of a request shares (e.g. a whole small table), loaded once per request */
export function loadOnce<T>(load: () => Promise<T>) {
  return new DataLoader<"all", T>(async (keys) => {
    const value = await load();
    return keys.map(() => value);
  });
}

/** id → row, one query per batch */
export function rowsById<T extends ObjectLiteral>(source: StatementSource, entity: EntityTarget<T>, idColumn = "id") {
  const statements = statementsOf(source);
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await statements.run((manager) => manager.getRepository(entity).findBy({ [idColumn]: In([...ids]) } as FindOptionsWhere<T>));
    const byId = new Map(rows.map((r) => [r[idColumn] as string, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** parent id → its rows (column IN (...), and `where`), one query per batch, in `order` */
export function rowsByColumn<T extends ObjectLiteral>(
  source: StatementSource,
  entity: EntityTarget<T>,
  column: keyof T & string,
  order: FindOptionsOrder<T>,
  where: FindOptionsWhere<T> = {},
) {
  const statements = statementsOf(source);
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await statements.run((manager) => manager.getRepository(entity).find({ where: { ...where, [column]: In([...keys]) } as FindOptionsWhere<T>, order }));
    const grouped = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) grouped.get(row[column] as string)?.push(row);
    return keys.map((k) => grouped.get(k) ?? []);
  });
}

/**
 * owner id → target rows through a link table (e.g. priority → actions via action_priority),
 * as one joined query per batch.
 */
export function rowsThroughLink<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  link: { table: Function; ownerColumn: string; targetColumn: string },
  orderBy = "ordinal",
) {
  return new DataLoader<string, T[]>(async (ownerIds) => {
    const { entities, raw } = await dataSource
      .getRepository(target)
      .createQueryBuilder("t")
      .innerJoin(link.table, "l", `l.${link.targetColumn} = t.id`)
      .addSelect(`l.${link.ownerColumn}`, "link_owner")
      .where(`l.${link.ownerColumn} IN (:...ownerIds)`, { ownerIds: [...ownerIds] })
      .orderBy(`t.${orderBy}`, "ASC")
      .getRawAndEntities();
    // getRawAndEntities de-duplicates entities; pair raw rows with entities by id
    const byId = new Map(entities.map((e) => [e.id as string, e]));
    const grouped = new Map<string, T[]>(ownerIds.map((k) => [k, []]));
    for (const row of raw as Array<Record<string, unknown>>) {
      const entity = byId.get(row.t_id as string);
      if (entity) grouped.get(row.link_owner as string)?.push(entity);
    }
    return ownerIds.map((k) => grouped.get(k) ?? []);
  });
}

/** link table rows grouped by one column (e.g. theme ids of priorities) */
export function linkValues(dataSource: DataSource, link: EntityTarget<ObjectLiteral>, ownerColumn: string, valueColumn: string) {
  return new DataLoader<string, string[]>(async (ownerIds) => {
    const rows = await dataSource.getRepository(link).find({ where: { [ownerColumn]: In([...ownerIds]) }, order: { [valueColumn]: "ASC" } });
    const grouped = new Map<string, string[]>(ownerIds.map((k) => [k, []]));
    for (const row of rows) grouped.get(row[ownerColumn] as string)?.push(row[valueColumn] as string);
    return ownerIds.map((k) => grouped.get(k) ?? []);
  });
}
