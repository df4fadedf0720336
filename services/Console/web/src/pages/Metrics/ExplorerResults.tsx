import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { QueryAnswer } from "../../api/metrics";
import { alignMatrix } from "../../components/TimeSeriesChart/chartData";
import { TimeSeriesChart } from "../../components/TimeSeriesChart/TimeSeriesChart";
import { VirtualTable, type Column } from "../../components/VirtualTable/VirtualTable";
import { formatTimestamp, type ResolvedRange } from "../../lib/timeRange";
import { sampleValue, seriesName, type QueryData } from "../../lib/prometheus";
import { formatValue } from "../../lib/units";
import type { ExplorerQuery } from "./explorerState";
import { PointTraces } from "./PointTraces";

interface ResultRow {
  key: string;
  series: string;
  value: string;
  numeric: number;
  time: number;
}

function rowsOf(data: QueryData): ResultRow[] {
  switch (data.resultType) {
    case "vector":
      return data.result.map((s, i) => {
        const numeric = sampleValue(s.value[1]);
        return { key: `${i}`, series: seriesName(s.metric), value: formatValue(numeric), numeric, time: s.value[0] };
      });
    case "matrix":
      return data.result.map((s, i) => {
        const values = s.values ?? [];
        const last = values.at(-1);
        return {
          key: `${i}`,
          series: seriesName(s.metric),
          value: values.map(([t, v]) => `${v} @${t}`).join("  "),
          numeric: last ? sampleValue(last[1]) : NaN,
          time: last?.[0] ?? 0,
        };
      });
    default: {
      const numeric = sampleValue(data.result[1]);
      return [{ key: "0", series: data.resultType, value: data.resultType === "string" ? data.result[1] : formatValue(numeric), numeric, time: data.result[0] }];
    }
  }
}

const columns: Array<Column<ResultRow>> = [
  { key: "series", header: "Series", render: (r) => <span className="mono">{r.series}</span>, sortValue: (r) => r.series, width: "60%" },
  { key: "value", header: "Value", render: (r) => r.value, sortValue: (r) => r.numeric, width: "25%" },
  { key: "time", header: "Time", render: (r) => formatTimestamp(r.time * 1000), width: "15%" },
];

export interface ExplorerResultsProps {
  view: "graph" | "table";
  queries: ExplorerQuery[];
  names: string[];
  results: Array<UseQueryResult<QueryAnswer>>;
  range: ResolvedRange;
  step: number;
  onZoom(range: ResolvedRange): void;
}

/** Every shown query's series on one chart, or one table per query (the instant value at the range's end). */
export function ExplorerResults({ view, queries, names, results, range, step, onZoom }: ExplorerResultsProps) {
  const [picked, setPicked] = useState<number | null>(null);
  const chart = useMemo(() => {
    if (view !== "graph") return undefined;
    const matrices = results.flatMap((r, i) =>
      queries[i]?.enabled && r.data?.data.resultType === "matrix" ? [{ series: r.data.data.result, prefix: `${names[i]}:` }] : [],
    );
    const chart = alignMatrix(matrices, range.start, range.end, step);
    // With several queries the same series can come from two of them; the legend names the query.
    if (matrices.length < 2) return chart;
    return { ...chart, series: chart.series.map((s) => ({ ...s, label: `${s.key.slice(0, s.key.indexOf(":"))}: ${s.label}` })) };
  }, [view, results, queries, names, range.start, range.end, step]);

  if (view === "graph") {
    if (!chart) return undefined;
    return (
      <>
        <TimeSeriesChart data={chart} title="Query results" height={320} onZoom={onZoom} onPointSelect={setPicked} />
        {picked !== null && picked < chart.times.length && (
          <PointTraces chart={chart} index={picked} stepSeconds={step} queries={queries.filter((q) => q.enabled && q.expr).map((q) => q.expr)} onClose={() => setPicked(null)} />
        )}
      </>
    );
  }
  return (
    <div className="explorer-tables">
      {results.map((r, i) =>
        queries[i]?.enabled && r.data ? (
          <section key={names[i]} aria-label={`Query ${names[i]} table`}>
            <h2>Query {names[i]}</h2>
            <VirtualTable caption={`Query ${names[i]} results`} rows={rowsOf(r.data.data)} columns={columns} rowKey={(row) => row.key} height={360} />
          </section>
        ) : null,
      )}
    </div>
  );
}
