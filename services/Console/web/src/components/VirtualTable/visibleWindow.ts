/** Which rows of a fixed-row-height list a viewport shows, with `overscan` rows either side so scrolling stays drawn. */
export function visibleWindow(count: number, rowHeight: number, viewport: number, scrollTop: number, overscan = 8): { first: number; last: number } {
  if (count === 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first - 1, last) };
}
