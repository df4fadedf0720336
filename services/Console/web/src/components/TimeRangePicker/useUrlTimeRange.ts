import { useCallback, useState } from "react";
import { useSearchParams } from "react-router";
import { defaultRange, type TimeRange } from "../../lib/timeRange";

export interface UrlTimeRange {
  range: TimeRange;
  setRange(next: TimeRange): void;
  /** Back to the range before the last change (zoom, preset, absolute), as Grafana's "zoom back". */
  back(): void;
  canGoBack: boolean;
}

/**
 * The screen's time range in the URL (`from`, `to`, as Grafana writes them: `now-6h`, epoch ms), so a link
 * opens the same range. Each change is a history entry too, so the browser's Back works as well.
 */
export function useUrlTimeRange(fallback: TimeRange = defaultRange): UrlTimeRange {
  const [params, setParams] = useSearchParams();
  const range: TimeRange = { from: params.get("from") ?? fallback.from, to: params.get("to") ?? fallback.to };
  const [previous, setPrevious] = useState<TimeRange[]>([]);

  const write = useCallback(
    (next: TimeRange) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set("from", next.from);
        updated.set("to", next.to);
        return updated;
      }),
    [setParams],
  );

  const setRange = useCallback(
    (next: TimeRange) => {
      if (next.from === range.from && next.to === range.to) return;
      setPrevious((stack) => [...stack, range]);
      write(next);
    },
    [range.from, range.to, write],
  );

  const back = useCallback(() => {
    const last = previous.at(-1);
    if (!last) return;
    setPrevious((stack) => stack.slice(0, -1));
    write(last);
  }, [previous, write]);

  return { range, setRange, back, canGoBack: previous.length > 0 };
}
