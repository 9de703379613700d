import type { CsvRecord } from "./csv";
import type { ColumnMapping } from "./schemas";

/**
 * How a CSV's columns become an item's fields. Browser-safe: the import dialog's preview
 * shows exactly what the server will store.
 */
export type Target = { field: "expected" } | { field: "variables" | "metadata"; key: string } | { field: "ignore" };

/** The default for a header: `expected`, `metadata.KEY`, else a variable of that name. */
export function defaultTarget(column: string): string {
  if (column === "expected") return "expected";
  if (column.startsWith("metadata.") && column.length > "metadata.".length) return column;
  return "variables";
}

export function resolveTarget(column: string, target: string): Target {
  if (target === "expected" || target === "ignore") return { field: target };
  if (target === "variables" || target === "metadata") return { field: target, key: column.startsWith(`${target}.`) ? column.slice(target.length + 1) : column };
  const dot = target.indexOf(".");
  return { field: target.slice(0, dot) as "variables" | "metadata", key: target.slice(dot + 1) };
}

export interface CsvItem {
  variables: Record<string, string>;
  expected?: string;
  metadata?: Record<string, string>;
}

/** A problem with the header row or a mapping: reported as a 400 naming line 1 or the column. */
export class MappingError extends Error {}

/** Checks the header and the mapping; returns the function that turns a record into an item. */
export function csvItemMapper(header: CsvRecord, mapping: ColumnMapping = {}): (record: CsvRecord) => CsvItem {
  const columns = header.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === "") throw new MappingError(`line ${header.line}: a column has no name`);
    if (seen.has(column)) throw new MappingError(`line ${header.line}: column '${column}' appears twice`);
    seen.add(column);
  }
  for (const column of Object.keys(mapping)) {
    if (!seen.has(column)) throw new MappingError(`mapping names column '${column}', which the header row does not have`);
  }
  const targets = columns.map((column) => resolveTarget(column, mapping[column] ?? defaultTarget(column)));
  if (targets.filter((target) => target.field === "expected").length > 1) throw new MappingError("only one column can fill `expected`");
  return (record) => {
    if (record.fields.length !== columns.length) {
      throw new MappingError(`line ${record.line}: expected ${columns.length} fields (as in the header row), found ${record.fields.length}`);
    }
    const item: CsvItem = { variables: {} };
    targets.forEach((target, i) => {
      const value = record.fields[i];
      if (target.field === "expected") {
        // An empty cell: no expected answer.
        if (value !== "") item.expected = value;
      } else if (target.field === "variables") item.variables[target.key] = value;
      else if (target.field === "metadata") {
        if (value !== "") (item.metadata ??= {})[target.key] = value;
      }
    });
    return item;
  };
}
