import { useEffect, useState, type UIEvent } from "react";
import type { LogRecord } from "../../api/logs";
import { LogLineSummary } from "./LogLine";
import type { FieldFilter, QueryLanguage } from "./logsState";
import { RecordDetail } from "./RecordDetail";
import { rowWindow } from "./rowWindow";

export const rowHeight = 28;
export const detailHeight = 340;

export interface RecordListProps {
  records: readonly LogRecord[];
  lang: QueryLanguage;
  open: string | undefined;
  onOpen(id: string | undefined): void;
  onFilter(filter: FieldFilter): void;
  onContext?: ((id: string) => void) | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  height?: number;
  label?: string;
  /** Said under the last record when there are no more (a tail has no end, so it says nothing). */
  endText?: string | null;
}

/**
 * The matching records newest first, drawing only the rows in view (one may be expanded into its fields); scrolling
 * near the end asks for the next page through the search cursor.
 */
export function RecordList({ records, lang, open, onOpen, onFilter, onContext, hasMore, loadingMore, onLoadMore, height = 560, label = "Log records", endText = "End of the matching records" }: RecordListProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const expanded = open ? records.findIndex((r) => r.id === open) : -1;
  const layout = rowWindow(records.length, rowHeight, expanded, detailHeight, height, scrollTop);
  const nearEnd = records.length > 0 && layout.last >= records.length - 20;

  useEffect(() => {
    if (nearEnd && hasMore && !loadingMore) onLoadMore();
  }, [nearEnd, hasMore, loadingMore, onLoadMore]);

  const visible = records.slice(layout.first, layout.last + 1);
  return (
    <div className="log-list" style={{ maxHeight: height }} tabIndex={0} role="region" aria-label={label} onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}>
      <div style={{ height: layout.top(layout.first) }} aria-hidden="true" />
      <ul aria-label={`${label}, newest first`}>
        {visible.map((record, i) => {
          const index = layout.first + i;
          const isOpen = index === expanded;
          return (
            <li key={record.id} className={isOpen ? "log-row open" : "log-row"} aria-posinset={index + 1} aria-setsize={hasMore ? -1 : records.length}>
              <button type="button" className="log-summary" style={{ height: rowHeight }} aria-expanded={isOpen} onClick={() => onOpen(isOpen ? undefined : record.id)}>
                <LogLineSummary record={record} />
              </button>
              {isOpen && (
                <div style={{ height: detailHeight }} className="log-detail-frame">
                  <RecordDetail record={record} lang={lang} onFilter={onFilter} onContext={onContext ? () => onContext(record.id) : undefined} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div style={{ height: Math.max(0, layout.total - (layout.last >= 0 ? layout.top(layout.last + 1) : 0)) }} aria-hidden="true" />
      {loadingMore && <p className="loading">Loading older records…</p>}
      {!hasMore && records.length > 0 && endText && <p className="muted log-list-end">{endText}</p>}
    </div>
  );
}
