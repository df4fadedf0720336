/** Where rows sit in a list of fixed-height rows of which one may be expanded by a fixed extra height. */
export interface RowLayout {
  first: number;
  last: number;
  /** The top of row `i`, px. */
  top(i: number): number;
  total: number;
}

/**
 * The rows a viewport of `viewport` px at `scrollTop` shows, with `overscan` rows either side. The expanded row
 * (index `expanded`, or -1) is `rowHeight + extra` tall, every other `rowHeight`.
 */
export function rowWindow(count: number, rowHeight: number, expanded: number, extra: number, viewport: number, scrollTop: number, overscan = 8): RowLayout {
  const open = expanded >= 0 && expanded < count ? expanded : -1;
  const top = (i: number) => i * rowHeight + (open >= 0 && i > open ? extra : 0);
  const total = count * rowHeight + (open >= 0 ? extra : 0);
  if (count === 0 || rowHeight <= 0) return { first: 0, last: -1, top, total: 0 };
  const indexAt = (y: number) => {
    if (open >= 0 && y >= top(open) + rowHeight) {
      return y < top(open) + rowHeight + extra ? open : Math.floor((y - extra) / rowHeight);
    }
    return Math.floor(y / rowHeight);
  };
  const first = Math.max(0, indexAt(Math.max(0, scrollTop)) - overscan);
  const last = Math.min(count - 1, indexAt(scrollTop + viewport) + overscan);
  return { first, last: Math.max(first, last), top, total };
}
