import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { followWidth } from "../../lib/followWidth";
import type { TraceSummary } from "../../api/traces";
import { useTheme } from "../../shell/theme";
import { formatNs } from "./formatNs";
import { nearestPoint, scatterData } from "./scatterData";
import { describePoint, movePoint } from "./scatterKeys";

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Where a point is drawn, in px from the plot box's corner (uPlot's values are relative to its plotting area). */
function pointPosition(chart: uPlot | null, box: HTMLElement | null, x: number, y: number): { left: number; top: number } | null {
  if (!chart || !box) return null;
  const over = (chart as uPlot & { over?: HTMLElement }).over;
  const offset = over ? over.getBoundingClientRect() : box.getBoundingClientRect();
  const origin = box.getBoundingClientRect();
  return { left: chart.valToPos(x, "x") + offset.left - origin.left, top: chart.valToPos(y, "y") + offset.top - origin.top };
}

export interface TraceScatterProps {
  traces: readonly TraceSummary[];
  onOpen(traceId: string): void;
  height?: number;
}

/**
 * Duration over time, one point per trace (uPlot, points only), errors in the "bad" colour; a click opens the nearest
 * trace. The chart is focusable: the arrow keys, Home and End move a highlighted point ({@link movePoint}), Enter opens
 * its trace, Escape lets it go, and a polite live region reads out the trace the point stands for.
 */
export function TraceScatter({ traces, onOpen, height = 220 }: TraceScatterProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const onOpenRef = useRef(onOpen);
  const { theme } = useTheme();
  const { sorted, data } = useMemo(() => scatterData(traces), [traces]);
  const [active, setActive] = useState<{ traces: readonly TraceSummary[]; index: number } | null>(null);
  // A highlight belongs to the traces it was made on; new results start without one.
  const current = active?.traces === traces ? active.index : null;
  useEffect(() => {
    onOpenRef.current = onOpen;
  });

  useLayoutEffect(() => {
    const target = plotRef.current;
    if (!target) return;
    const axis = cssVar("--chart-axis", "#666");
    const grid = cssVar("--chart-grid", "rgba(128,128,128,0.2)");
    const points = (color: string) => ({ show: true, size: 8, stroke: color, fill: color });
    const ok = cssVar("--accent", "#1f5fbf");
    const bad = cssVar("--bad", "#b3261e");
    const chart = new uPlot(
      {
        width: target.clientWidth || 800,
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: { x: { time: true } },
        series: [
          {},
          { label: "ok", stroke: ok, paths: () => null, points: points(ok) },
          { label: "error", stroke: bad, paths: () => null, points: points(bad) },
        ],
        axes: [
          { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } },
          { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, size: 70, values: (_u, splits) => splits.map((v) => formatNs(v * 1e6)) },
        ],
      },
      data,
      target,
    );
    chartRef.current = chart;
    const click = (event: MouseEvent) => {
      const over = (chart as uPlot & { over?: HTMLElement }).over ?? target;
      const box = over.getBoundingClientRect();
      const hit = nearestPoint(
        sorted.length,
        (i) => ({ x: chart.valToPos(data[0][i]!, "x"), y: chart.valToPos(sorted[i]!.durationMs, "y") }),
        event.clientX - box.left,
        event.clientY - box.top,
      );
      if (hit !== null) onOpenRef.current(sorted[hit]!.traceId);
    };
    target.addEventListener("click", click);
    const stopFollowing = followWidth(chart, target, height);
    return () => {
      stopFollowing();
      target.removeEventListener("click", click);
      chartRef.current = null;
      chart.destroy();
    };
  }, [sorted, data, theme, height]);

  const keyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && current !== null) {
      event.preventDefault();
      onOpenRef.current(sorted[current]!.traceId);
      return;
    }
    if (event.key === "Escape" && current !== null) {
      setActive(null);
      return;
    }
    const next = movePoint(sorted, current, event.key);
    if (next === undefined) return;
    event.preventDefault();
    setActive({ traces, index: next });
  };
  const highlight = current !== null ? pointPosition(chartRef.current, plotRef.current, data[0][current]!, sorted[current]!.durationMs) : null;

  const errors = traces.filter((t) => t.errorCount > 0).length;
  return (
    <figure className="trace-scatter" aria-label="Trace durations over time">
      <div
        ref={plotRef}
        className="trace-scatter-plot"
        data-testid="trace-scatter"
        role="application"
        aria-roledescription="scatter plot"
        aria-label="Trace durations: arrow keys move between traces, Enter opens the highlighted one"
        aria-describedby="trace-scatter-point"
        tabIndex={0}
        onKeyDown={keyDown}
      >
        {highlight && (
          <span
            className="trace-scatter-focus"
            aria-hidden="true"
            style={highlight}
          />
        )}
      </div>
      <p id="trace-scatter-point" className="visually-hidden" aria-live="polite">
        {current !== null ? describePoint(sorted, current) : ""}
      </p>
      <figcaption className="muted">
        {traces.length} traces, {errors} with errors <span className="swatch ok" aria-hidden="true" /> ok{" "}
        <span className="swatch bad" aria-hidden="true" /> error. Click a point, or focus the chart and use the arrow keys and Enter, to open a trace.
      </figcaption>
    </figure>
  );
}
