import { useLayoutEffect, useRef } from "react";
import uPlot from "uplot";

/** A pattern's counts per interval as a tiny uPlot line (no axes, no cursor). */
export function Sparkline({ counts, startMs, bucketMs, label }: { counts: readonly number[]; startMs: number; bucketMs: number; label: string }) {
  const target = useRef<HTMLDivElement>(null);
  const key = counts.join(",");
  useLayoutEffect(() => {
    if (!target.current) return;
    const times = counts.map((_, i) => (startMs + i * bucketMs) / 1000);
    const chart = new uPlot(
      {
        width: 120,
        height: 28,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{ show: false }, { show: false }],
        series: [{}, { stroke: getComputedStyle(document.documentElement).getPropertyValue("--accent").trim() || "#1f5fbf", width: 1, fill: "rgba(31,95,191,0.15)", points: { show: false } }],
      },
      [times, [...counts]],
      target.current,
    );
    return () => chart.destroy();
  }, [key, startMs, bucketMs]);
  return <div ref={target} className="sparkline" role="img" aria-label={label} />;
}
