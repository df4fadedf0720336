import type { TraceSummary } from "../../api/traces";
import { formatTimestamp } from "../../lib/timeRange";
import { formatNs } from "./formatNs";

/**
 * Where a key moves the scatter's highlighted point, over `sorted` (the traces in start order, as the chart draws them):
 * ←/→ the previous/next trace in time, ↑/↓ the next longer/shorter one (ties in start order), Home/End the first/last
 * in time. From no point, End starts at the last trace and the other keys at the first. `undefined` for a key that does
 * not move (the page keeps its default for it).
 */
export function movePoint(sorted: readonly TraceSummary[], current: number | null, key: string): number | undefined {
  const count = sorted.length;
  if (count === 0) return undefined;
  if (current === null || current >= count) {
    if (key === "End") return count - 1;
    return ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home"].includes(key) ? 0 : undefined;
  }
  switch (key) {
    case "ArrowLeft":
      return Math.max(0, current - 1);
    case "ArrowRight":
      return Math.min(count - 1, current + 1);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    case "ArrowUp":
    case "ArrowDown": {
      const byDuration = sorted.map((_, i) => i).sort((a, b) => sorted[a]!.durationNs - sorted[b]!.durationNs || a - b);
      const at = byDuration.indexOf(current);
      const next = key === "ArrowUp" ? Math.min(count - 1, at + 1) : Math.max(0, at - 1);
      return byDuration[next];
    }
    default:
      return undefined;
  }
}

/** What a screen reader hears for the highlighted point. */
export function describePoint(sorted: readonly TraceSummary[], index: number): string {
  const t = sorted[index]!;
  const errors = t.errorCount > 0 ? `, ${t.errorCount} ${t.errorCount === 1 ? "error" : "errors"}` : "";
  return `Trace ${index + 1} of ${sorted.length}: ${t.rootService} ${t.rootOperation}, ${formatNs(t.durationNs)}${errors}, started ${formatTimestamp(t.startNs / 1e6)}. Enter opens it.`;
}
