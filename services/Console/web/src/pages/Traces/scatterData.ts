import type { TraceSummary } from "../../api/traces";

/**
 * The scatter's data on uPlot's one x axis: traces in start order (seconds), their duration (ms) in the "ok" series or
 * the "error" series (null in the other), so errors draw in their own colour.
 */
export function scatterData(traces: readonly TraceSummary[]): { sorted: TraceSummary[]; data: [number[], Array<number | null>, Array<number | null>] } {
  const sorted = [...traces].sort((a, b) => a.startNs - b.startNs);
  return {
    sorted,
    data: [
      sorted.map((t) => t.startNs / 1e9),
      sorted.map((t) => (t.errorCount > 0 ? null : t.durationMs)),
      sorted.map((t) => (t.errorCount > 0 ? t.durationMs : null)),
    ],
  };
}

/** The index of the point nearest (x, y) in CSS px, within `radius`; `position` maps a point to its px. */
export function nearestPoint(count: number, position: (i: number) => { x: number; y: number }, x: number, y: number, radius = 12): number | null {
  let best: number | null = null;
  let bestDistance = radius * radius;
  for (let i = 0; i < count; i++) {
    const p = position(i);
    const distance = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
