import { useEffect, useLayoutEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { followWidth } from "../../lib/followWidth";
import type { ResolvedRange } from "../../lib/timeRange";
import { useTheme } from "../../shell/theme";
import { stackLevels, type LevelBucket } from "./histogramData";
import { levelColors } from "./logsState";

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export interface LevelHistogramProps {
  buckets: readonly LevelBucket[];
  range: ResolvedRange;
  onZoom(range: ResolvedRange): void;
  height?: number;
}

/** Matching records over time as bars stacked by level, on uPlot; drag across it to zoom the time range. */
export function LevelHistogram({ buckets, range, onZoom, height = 120 }: LevelHistogramProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const onZoomRef = useRef(onZoom);
  const { theme } = useTheme();
  const stacked = stackLevels(buckets);
  const structure = stacked.levels.join(",");

  useEffect(() => {
    onZoomRef.current = onZoom;
  });

  const chartRef = useRef<uPlot | null>(null);
  useLayoutEffect(() => {
    const target = plotRef.current;
    if (!target) return;
    const axis = cssVar("--chart-axis", "#666");
    const grid = cssVar("--chart-grid", "rgba(128,128,128,0.2)");
    const bars = uPlot.paths?.bars?.({ size: [0.9, 40], align: 1 });
    // The tallest segment first, so each lower level is drawn over the one above it.
    const drawOrder = stacked.levels.map((level, i) => ({ level, i })).reverse();
    const chart = new uPlot(
      {
        width: target.clientWidth || 800,
        height,
        legend: { show: false },
        cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
        scales: { x: { time: true, range: () => [range.start / 1000, range.end / 1000] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        series: [
          {},
          ...drawOrder.map(({ level }) => ({
            label: level,
            fill: levelColors[level] ?? "#888",
            stroke: levelColors[level] ?? "#888",
            width: 0,
            points: { show: false },
            ...(bars ? { paths: bars } : {}),
          })),
        ],
        axes: [
          { stroke: axis, grid: { show: false }, ticks: { stroke: grid, width: 1 } },
          { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { show: false }, size: 48 },
        ],
        hooks: {
          setSelect: [
            (u) => {
              const { left, width } = u.select;
              if (width > 2) {
                onZoomRef.current({ start: Math.round(u.posToVal(left, "x") * 1000), end: Math.round(u.posToVal(left + width, "x") * 1000) });
              }
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            },
          ],
        },
      },
      [stacked.times, ...drawOrder.map(({ i }) => stacked.tops[i]!)],
      target,
    );
    chartRef.current = chart;
    const stopFollowing = followWidth(chart, target, height);
    return () => {
      stopFollowing();
      chart.destroy();
      chartRef.current = null;
    };
    // Rebuilt for new data: a histogram has at most a few hundred bars, and the x range moves with the query.
  }, [structure, theme, height, buckets, range.start, range.end]);

  const total = stacked.totals.reduce((a, b) => a + b, 0);
  return (
    <figure className="logs-histogram" aria-label="Matching records over time by level">
      <div
        ref={plotRef}
        className="chart-plot"
        role="img"
        aria-label={`${total} matching records in ${buckets.length} intervals; drag across to zoom the time range`}
      />
      <figcaption className="logs-histogram-legend">
        {stacked.levels.map((level, i) => (
          <span key={level}>
            <span className="chart-swatch" style={{ background: levelColors[level] ?? "#888" }} aria-hidden="true" />
            {level} {stacked.tops[i]!.reduce((sum, top, j) => sum + top - (i > 0 ? stacked.tops[i - 1]![j]! : 0), 0)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
