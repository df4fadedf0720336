import { useMemo, useState, type ReactNode, type UIEvent } from "react";
import { visibleWindow } from "./visibleWindow";
import "./VirtualTable.css";

export interface Column<T> {
  key: string;
  header: string;
  render(row: T): ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?(row: T): string | number;
  /** A CSS width ("40%", "120px"); the table's layout is fixed so widths do not jump while scrolling. */
  width?: string;
}

export interface VirtualTableProps<T> {
  caption: string;
  rows: readonly T[];
  columns: ReadonlyArray<Column<T>>;
  rowKey(row: T, index: number): string;
  rowHeight?: number;
  /** The scrolling viewport's height in px. */
  height?: number;
  emptyText?: string;
  /** Controlled sorting (a screen that keeps it in the URL): the current sort and where a header click sends the next. */
  sort?: TableSort;
  onSortChange?(sort: TableSort): void;
}

export type TableSort = { key: string; descending: boolean } | null;
type Sort = TableSort;

/**
 * A real <table> (so screen readers announce rows and headers) that renders only the rows in view, between two
 * spacer rows; it stays smooth at hundreds of thousands of rows. The viewport is focusable, so arrow keys and
 * Page Up/Down scroll it, and sortable headers are buttons.
 */
export function VirtualTable<T>({
  caption, rows, columns, rowKey, rowHeight = 28, height = 420, emptyText = "No rows", sort: controlledSort, onSortChange,
}: VirtualTableProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const [ownSort, setOwnSort] = useState<Sort>(null);
  const sort = onSortChange ? (controlledSort ?? null) : ownSort;

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const order = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true })) * order;
    });
  }, [rows, columns, sort]);

  const headerHeight = rowHeight;
  const { first, last } = visibleWindow(sorted.length, rowHeight, height - headerHeight, scrollTop);
  const visible = sorted.slice(first, last + 1);

  const toggleSort = (key: string) => {
    const next: Sort = sort?.key !== key ? { key, descending: false } : sort.descending ? null : { key, descending: true };
    if (onSortChange) onSortChange(next);
    else setOwnSort(next);
  };

  return (
    <div
      className="virtual-table"
      style={{ maxHeight: height }}
      tabIndex={0}
      role="region"
      aria-label={caption}
      onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table className="data" aria-rowcount={sorted.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: headerHeight }}>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort?.key === c.key ? (sort.descending ? "descending" : "ascending") : undefined}
              >
                {c.sortValue ? (
                  <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                    {c.header}
                    <span aria-hidden="true">{sort?.key === c.key ? (sort.descending ? " ▼" : " ▲") : ""}</span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * rowHeight }} />}
          {visible.map((row, i) => (
            <tr key={rowKey(row, first + i)} aria-rowindex={first + i + 2} style={{ height: rowHeight }}>
              {columns.map((c) => (
                <td key={c.key}>{c.render(row)}</td>
              ))}
            </tr>
          ))}
          {last < sorted.length - 1 && <tr aria-hidden="true" style={{ height: (sorted.length - 1 - last) * rowHeight }} />}
          {sorted.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="muted">
                {emptyText}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
