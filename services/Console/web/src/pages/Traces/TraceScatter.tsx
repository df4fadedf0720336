import { useEffect, useLayoutEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { followWidth } from "../../lib/followWidth";
import type { TraceSummary } from "../../api/traces";
import { useTheme } from "../../shell/theme";
import { formatNs } from "./formatNs";
import { nearestPoint, scatterData } from "./scatterData";

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export interface TraceScatterProps {
  traces: readonly TraceSummary[];
  onOpen(traceId: string): void;
  height?: number;
}

/**
 * Duration over time, one point per trace (uPlot, points only), errors in the "bad" colour; a click opens the nearest
 * trace. The result list below is the keyboard way to the same traces.
 */
export function TraceScatter({ traces, onOpen, height = 220 }: TraceScatterProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const onOpenRef = useRef(onOpen);
  const { theme } = useTheme();
  useEffect(() => {
    onOpenRef.current = onOpen;
  });

  useLayoutEffect(() => {
    const target = plotRef.current;
    if (!target) return;
    const { sorted, data } = scatterData(traces);
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
      chart.destroy();
    };
  }, [traces, theme, height]);

  const errors = traces.filter((t) => t.errorCount > 0).length;
  return (
    <figure className="trace-scatter" aria-label="Trace durations over time">
      <div ref={plotRef} className="trace-scatter-plot" data-testid="trace-scatter" />
      <figcaption className="muted">
        {traces.length} traces, {errors} with errors <span className="swatch ok" aria-hidden="true" /> ok{" "}
        <span className="swatch bad" aria-hidden="true" /> error. Click a point to open its trace.
      </figcaption>
    </figure>
  );
}
