import { useMemo } from "react";
import type { Panel } from "../../../api/dashboards";
import { alignMatrix, lastValue } from "../../../components/TimeSeriesChart/chartData";
import { TimeSeriesChart } from "../../../components/TimeSeriesChart/TimeSeriesChart";
import { VirtualTable, type Column } from "../../../components/VirtualTable/VirtualTable";
import { legendName, sampleValue, type Labels, type MatrixSeries } from "../../../lib/prometheus";
import type { ResolvedRange } from "../../../lib/timeRange";
import { formatValue } from "../../../lib/units";
import { ErrorMessage } from "../../../shell/ErrorMessage";
import { thresholdColor } from "./thresholds";
import { usePanelData, type PanelQueryResult, type PanelRun } from "./usePanelData";

const rowPx = 30;
const gapPx = 8;

/** The panel's inner height for its grid rows, less its title bar. */
export function panelBodyHeight(h: number): number {
  return Math.max(40, h * rowPx + (h - 1) * gapPx - 40);
}

function matrices(data: PanelQueryResult[]) {
  return data.flatMap((d) =>
    d.answer?.data.resultType === "matrix" ? [{ series: d.answer.data.result as MatrixSeries[], legend: d.legend, prefix: `${d.refId}:` }] : [],
  );
}

function StatBody({ panel, data, range, step }: { panel: Panel; data: PanelQueryResult[]; range: ResolvedRange; step: number }) {
  const chart = useMemo(() => alignMatrix(matrices(data), range.start, range.end, step), [data, range.start, range.end, step]);
  if (chart.series.length === 0) return <p className="muted panel-empty">No data</p>;
  return (
    <ul className="stat-values">
      {chart.series.map((s) => {
        const value = lastValue(s.values);
        const color = thresholdColor(value, panel.thresholds);
        return (
          <li key={s.key}>
            <span className="stat-value" style={color ? { color } : undefined}>
              {formatValue(value, panel.unit, panel.decimals)}
            </span>
            {chart.series.length > 1 && <span className="stat-label">{s.label}</span>}
          </li>
        );
      })}
    </ul>
  );
}

interface TableRow {
  key: string;
  labels: Labels;
  value: number;
}

function TableBody({ panel, data, height }: { panel: Panel; data: PanelQueryResult[]; height: number }) {
  const rows: TableRow[] = data.flatMap((d) =>
    d.answer?.data.resultType === "vector"
      ? d.answer.data.result.map((s, i) => ({ key: `${d.refId}-${i}`, labels: s.metric, value: sampleValue(s.value[1]) }))
      : [],
  );
  const labelNames = [...new Set(rows.flatMap((r) => Object.keys(r.labels)))].sort();
  const legend = data[0]?.legend;
  const columns: Array<Column<TableRow>> = [
    ...(legend ? [{ key: "__legend", header: "Series", render: (r: TableRow) => legendName(r.labels, legend), sortValue: (r: TableRow) => legendName(r.labels, legend) }] : []),
    ...labelNames.map((name) => ({ key: name, header: name, render: (r: TableRow) => r.labels[name] ?? "", sortValue: (r: TableRow) => r.labels[name] ?? "" })),
    {
      key: "__value",
      header: "Value",
      render: (r: TableRow) => <span style={{ color: thresholdColor(r.value, panel.thresholds) }}>{formatValue(r.value, panel.unit, panel.decimals)}</span>,
      sortValue: (r: TableRow) => r.value,
    },
  ];
  return <VirtualTable caption={`${panel.title || "Panel"} table`} rows={rows} columns={columns} rowKey={(r) => r.key} height={height} rowHeight={26} />;
}

/** One panel's content: a chart, big numbers, or a table, with each query's error where its data would be. */
export function PanelView({ panel, run, onZoom }: { panel: Panel; run: PanelRun | undefined; onZoom(range: ResolvedRange): void }) {
  const { data, step, loading } = usePanelData(panel, run);
  const height = panelBodyHeight(panel.grid.h);
  const chart = useMemo(
    () => (run && panel.type === "timeseries" ? alignMatrix(matrices(data), run.range.start, run.range.end, step) : undefined),
    [data, run, panel.type, step],
  );
  const errors = data.filter((d) => d.error != null);

  if (panel.queries.every((q) => q.expr.trim() === "")) return <p className="muted panel-empty">This panel has no query yet.</p>;
  return (
    <div className="panel-body">
      {errors.map((d) => (
        <ErrorMessage key={d.refId} error={d.error} context={`Query ${d.refId}`} />
      ))}
      {loading && <p className="muted panel-empty">Loading…</p>}
      {!loading && run && panel.type === "timeseries" && chart && (
        <TimeSeriesChart data={chart} title={panel.title || "Panel"} unit={panel.unit} decimals={panel.decimals} height={Math.max(60, height - 50)} onZoom={onZoom} />
      )}
      {!loading && run && panel.type === "stat" && <StatBody panel={panel} data={data} range={run.range} step={step} />}
      {!loading && run && panel.type === "table" && <TableBody panel={panel} data={data} height={height} />}
    </div>
  );
}
