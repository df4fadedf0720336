import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { queryInstant, queryRange, type QueryAnswer } from "../../api/metrics";
import type { ResolvedRange } from "../../lib/timeRange";
import type { ExplorerQuery, ExplorerView } from "./explorerState";

export interface ExplorerRun {
  range: ResolvedRange;
  step: number;
  /** Bumped by Run, so the same text runs again. */
  run: number;
}

/** One result per query, index for index; hidden and empty queries do not run. */
export function useExplorerResults(queries: ExplorerQuery[], view: ExplorerView, run: ExplorerRun | undefined): Array<UseQueryResult<QueryAnswer>> {
  return useQueries({
    queries: queries.map((query) => ({
      queryKey: ["explore", view, query.expr, run?.range.start, run?.range.end, run?.step, run?.run],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        view === "table"
          ? queryInstant(query.expr, run!.range.end, signal)
          : queryRange(query.expr, run!.range.start, run!.range.end, run!.step, signal),
      enabled: run !== undefined && query.enabled && query.expr.trim() !== "",
      staleTime: Infinity,
    })),
  });
}
