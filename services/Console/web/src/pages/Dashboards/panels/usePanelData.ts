import { keepPreviousData, useQueries } from "@tanstack/react-query";
import type { Panel } from "../../../api/dashboards";
import { queryInstant, queryRange, type QueryAnswer } from "../../../api/metrics";
import { autoStep, type ResolvedRange } from "../../../lib/timeRange";
import { interpolate, type VariableValues } from "../interpolate";

export interface PanelRun {
  range: ResolvedRange;
  variables: VariableValues;
}

export interface PanelQueryResult {
  refId: string;
  legend: string | null;
  expr: string;
  answer: QueryAnswer | undefined;
  error: unknown;
}

/** About two points per column pixel of the panel's share of a 1,200 px wide dashboard. */
export function panelStep(panel: Panel, range: ResolvedRange): number {
  return autoStep(range, Math.max(60, panel.grid.w * 25));
}

/**
 * A panel's queries with the dashboard's variables and time macros filled in: range queries for time series and
 * stats, an instant query at the range's end for tables. The previous answer stays drawn while a refresh runs.
 */
export function usePanelData(panel: Panel, run: PanelRun | undefined) {
  const step = run ? panelStep(panel, run.range) : 0;
  const queries = panel.queries.filter((q) => q.expr.trim() !== "");
  const exprs = queries.map((q) =>
    run ? interpolate(q.expr, run.variables, { stepSeconds: step, rangeMs: run.range.end - run.range.start }) : q.expr,
  );
  const results = useQueries({
    queries: queries.map((_, i) => ({
      queryKey: ["panel", panel.type === "table" ? "instant" : "range", exprs[i], run?.range.start, run?.range.end, step],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        panel.type === "table" ? queryInstant(exprs[i]!, run!.range.end, signal) : queryRange(exprs[i]!, run!.range.start, run!.range.end, step, signal),
      enabled: run !== undefined,
      placeholderData: keepPreviousData,
      staleTime: Infinity,
    })),
  });
  const data: PanelQueryResult[] = queries.map((q, i) => ({
    refId: q.refId,
    legend: q.legend,
    expr: exprs[i]!,
    answer: results[i]?.data,
    error: results[i]?.error,
  }));
  return {
    data,
    step,
    loading: results.some((r) => r.isPending && r.fetchStatus !== "idle"),
    fetching: results.some((r) => r.isFetching),
  };
}
