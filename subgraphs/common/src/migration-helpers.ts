import { TableColumn, type TableColumnOptions } from "typeorm";

/**
 * Column builders for migrations written with TypeORM's Table API, so one
 * migration runs on both the embedded database (SQLite) and MySQL/MariaDB.
 */
export const col = {
  id: (name = "id", length = 191): TableColumnOptions => ({ name, type: "varchar", length: String(length), isPrimary: true }),
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: "varchar", length: String(length), isNullable: nullable }),
  text: (name: string, nullable = true): TableColumnOptions => ({ name, type: "text", isNullable: nullable }),
  int: (name: string, nullable = true): TableColumnOptions => ({ name, type: "int", isNullable: nullable }),
  double: (name: string, nullable = true): TableColumnOptions => ({ name, type: "double", isNullable: nullable }),
  /** the embedded SourceColumns (prefix "source") */
  source: (): TableColumnOptions[] => [
    { name: "sourceDocument", type: "varchar", length: "120", isNullable: false },
    { name: "sourceSection", type: "varchar", length: "300", isNullable: false },
    { name: "sourceQuote", type: "text", isNullable: true },
  ],
};

export const sourceDocumentColumns: TableColumnOptions[] = [
  col.id("key", 120),
  col.varchar("title", 300),
  col.varchar("publisher", 200),
  col.varchar("location", 300, true),
  col.varchar("asAt", 10, true),
  col.varchar("asAtText", 100, true),
];

export { TableColumn };
