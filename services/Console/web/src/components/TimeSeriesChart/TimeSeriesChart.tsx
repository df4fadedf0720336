import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { followWidth } from "../../lib/followWidth";
import { formatTimestamp, type ResolvedRange } from "../../lib/timeRange";
import { formatValue, type Unit } from "../../lib/units";
import { useTheme } from "../../shell/theme";
import { colorOf, lastValue, type ChartData } from "./chartData";
import "./TimeSeriesChart.css";

export interface TimeSeriesChartProps {
  data: ChartData;
  /** The chart's accessible name ("Request rate"). */
  title: string;
  unit?: Unit | string | null | undefined;
  decimals?: number | null | undefined;
  height?: number;
  /** Called with the range a person dragged across (epoch ms); without it dragging does nothing. */
  onZoom?: ((range: ResolvedRange) => void) | undefined;
  /** Called with the index (into `data.times`) of the point clicked, or chosen with the arrow keys and Enter. */
  onPointSelect?: ((index: number) => void) | undefined;
}

function aligned(data: ChartData): uPlot.AlignedData {
  return [data.times, ...data.series.map((s) => s.values)];
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * Every time series in the console is drawn here, on uPlot (what Grafana and SigNoz use): a legend that toggles
 * series (click; Shift+click shows only that one) and shows the values under the cursor, drag to zoom, and arrow
 * keys to move the cursor point by point. uPlot is rebuilt only when the set of series, the theme or the unit
 * changes; new values for the same series are a setData.
 */
export function TimeSeriesChart({ data, title, unit, decimals, height = 260, onZoom, onPointSelect }: TimeSeriesChartProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const drawnData = useRef<ChartData | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const hiddenRef = useRef(hidden);
  const [cursor, setCursor] = useState<number | null>(null);
  const onZoomRef = useRef(onZoom);
  // A drag ends with a click too; a click right after a zoom is not a point picked.
  const zoomedAt = useRef(-Infinity);
  const { theme } = useTheme();
  const structure = data.series.map((s) => s.key).join("\u0000");

  useEffect(() => {
    onZoomRef.current = onZoom;
    hiddenRef.current = hidden;
  });

  useLayoutEffect(() => {
    const target = plotRef.current;
    if (!target) return;
    const axis = cssVar("--chart-axis", "#666");
    const grid = cssVar("--chart-grid", "rgba(128,128,128,0.2)");
    const options: uPlot.Options = {
      width: target.clientWidth || 800,
      height,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { size: 6 } },
      scales: { x: { time: true } },
      series: [
        {},
        ...data.series.map((s, i) => ({
          label: s.label,
          stroke: colorOf(i),
          // Whole-pixel lines: a width of 1.25 made chromium's software raster ~8× slower at 100 × 1,440 points.
          width: 1,
          show: !hiddenRef.current.has(s.key),
          points: { show: false },
        })),
      ],
      axes: [
        { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } },
        {
          stroke: axis,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          size: 72,
          values: (_u, splits) => splits.map((v) => formatValue(v, unit, decimals)),
        },
      ],
      hooks: {
        setCursor: [(u) => setCursor(u.cursor.idx ?? null)],
        setSelect: [
          (u) => {
            const { left, width } = u.select;
            if (width > 2) zoomedAt.current = performance.now();
            if (width > 2 && onZoomRef.current) {
              const start = u.posToVal(left, "x") * 1000;
              const end = u.posToVal(left + width, "x") * 1000;
              onZoomRef.current({ start: Math.round(start), end: Math.round(end) });
            }
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          },
        ],
      },
    };
    const chart = new uPlot(options, aligned(data), target);
    chartRef.current = chart;
    drawnData.current = data;
    const stopFollowing = followWidth(chart, target, height);
    return () => {
      stopFollowing();
      chart.destroy();
      chartRef.current = null;
    };
    // `data` itself is applied below with setData; only its structure rebuilds the chart.
  }, [structure, theme, unit, decimals, height]);

  useEffect(() => {
    if (chartRef.current && drawnData.current !== data) {
      chartRef.current.setData(aligned(data));
      drawnData.current = data;
    }
  }, [data]);

  const toggle = useCallback(
    (key: string, only: boolean) => {
      const keys = data.series.map((s) => s.key);
      let next: Set<string>;
      if (only) {
        const alreadyOnly = keys.every((k) => (k === key) !== hidden.has(k));
        next = alreadyOnly ? new Set() : new Set(keys.filter((k) => k !== key));
      } else {
        next = new Set(hidden);
        if (next.has(key)) next.delete(key);
        else next.add(key);
      }
      setHidden(next);
      const chart = chartRef.current;
      if (chart) keys.forEach((k, i) => chart.setSeries(i + 1, { show: !next.has(k) }));
    },
    [data.series, hidden],
  );

  const moveCursor = (event: KeyboardEvent<HTMLDivElement>) => {
    const chart = chartRef.current;
    const count = data.times.length;
    if (!chart || count === 0) return;
    let index = cursor ?? count - 1;
    if (event.key === "ArrowLeft") index = Math.max(0, (cursor ?? count) - 1);
    else if (event.key === "ArrowRight") index = Math.min(count - 1, (cursor ?? -1) + 1);
    else if (event.key === "Home") index = 0;
    else if (event.key === "End") index = count - 1;
    else if (event.key === "Enter" && onPointSelect && cursor != null) {
      event.preventDefault();
      onPointSelect(cursor);
      return;
    }
    else if (event.key === "Escape") {
      chart.setCursor({ left: -10, top: -10 });
      setCursor(null);
      return;
    } else return;
    event.preventDefault();
    chart.setCursor({ left: chart.valToPos(data.times[index]!, "x"), top: 10 });
    setCursor(index);
  };

  const pick = () => {
    const index = chartRef.current?.cursor.idx;
    if (onPointSelect && index != null && performance.now() - zoomedAt.current > 400) onPointSelect(index);
  };

  const empty = data.series.length === 0 || data.series.every((s) => lastValue(s.values) === null);
  const at = cursor != null && cursor < data.times.length ? cursor : null;

  return (
    <figure className="chart" aria-label={title}>
      <div
        ref={plotRef}
        className="chart-plot"
        tabIndex={0}
        role="group"
        aria-label={`${title}: ${data.series.length} series. Arrow keys move the cursor${onZoom ? ", drag to zoom" : ""}${onPointSelect ? ", click or Enter picks a point" : ""}.`}
        onKeyDown={moveCursor}
        onClick={onPointSelect ? pick : undefined}
      />
      {empty && <p className="chart-empty">No data in this range</p>}
      {data.series.length > 0 && (
        <figcaption className="chart-legend">
          <span className="chart-legend-time">{at != null ? formatTimestamp(data.times[at]! * 1000) : "Latest values"}</span>
          <ul aria-label={`${title} series`}>
            {data.series.map((s, i) => {
              const value = at != null ? s.values[at] : lastValue(s.values);
              return (
                <li key={s.key}>
                  <button
                    type="button"
                    aria-pressed={!hidden.has(s.key)}
                    title="Click to show or hide; Shift+click to show only this one"
                    onClick={(e: MouseEvent) => toggle(s.key, e.shiftKey)}
                  >
                    <span className="chart-swatch" style={{ background: colorOf(i) }} aria-hidden="true" />
                    <span className="chart-series-label">{s.label}</span>
                    <span className="chart-series-value">{formatValue(value, unit, decimals)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}
