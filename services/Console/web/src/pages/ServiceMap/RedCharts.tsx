import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { queryRange } from "../../api/metrics";
import { alignMatrix } from "../../components/TimeSeriesChart/chartData";
import { TimeSeriesChart } from "../../components/TimeSeriesChart/TimeSeriesChart";
import { autoStep, type ResolvedRange } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { redQueries, type RedScope } from "./redQueries";

interface Panel {
  title: string;
  unit: "reqps" | "percentunit" | "s";
  queries: Array<{ expr: string; legend: string }>;
}

/**
 * Rate, errors and duration (p50/p95/p99) of a node or edge, over the map's window (which moves when relative): a
 * service's from its span metrics, an edge's and a peer's from the service graph's per-edge metrics.
 */
export function RedCharts({ scope, range }: { scope: RedScope; range: ResolvedRange }) {
  const step = Math.max(15, autoStep(range, 120));
  const red = redQueries(scope, step);
  const panels: Panel[] = [
    { title: "Rate", unit: "reqps", queries: [{ expr: red.rate, legend: "calls/s" }] },
    { title: "Errors", unit: "percentunit", queries: [{ expr: red.errorRatio, legend: "error ratio" }] },
    { title: "Duration", unit: "s", queries: red.latency },
  ];
  const flat = panels.flatMap((p) => p.queries);
  const results = useQueries({
    queries: flat.map((q) => ({
      queryKey: ["service-map", "red", q.expr, range.start, range.end, step],
      queryFn: ({ signal }: { signal: AbortSignal }) => queryRange(q.expr, range.start, range.end, step, signal),
      placeholderData: keepPreviousData,
    })),
  });
  let index = 0;
  return (
    <div className="map-red">
      <p className="muted">
        {red.source}: {red.scope}
      </p>
      {panels.map((panel) => {
        const answers = panel.queries.map((q) => ({ q, r: results[index++]! }));
        const failed = answers.find((a) => a.r.isError);
        const matrices = answers.flatMap(({ q, r }) =>
          r.data?.data.resultType === "matrix" ? [{ series: r.data.data.result, legend: q.legend }] : [],
        );
        return (
          <section key={panel.title} aria-label={`${panel.title} chart`}>
            <h3>{panel.title}</h3>
            {failed ? (
              <ErrorMessage error={failed.r.error} context={`Could not read ${panel.title.toLowerCase()}`} />
            ) : answers.some((a) => a.r.isPending) ? (
              <p className="loading">Loading…</p>
            ) : (
              <TimeSeriesChart data={alignMatrix(matrices, range.start, range.end, step)} title={`${panel.title} (${red.scope})`} unit={panel.unit} height={140} />
            )}
          </section>
        );
      })}
    </div>
  );
}
