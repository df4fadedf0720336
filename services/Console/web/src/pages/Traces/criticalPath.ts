import type { PathSegment } from "../../api/traces";

/** A stretch of the critical path inside one span, as fractions (0..1) of that span's bar. */
export interface BarSegment {
  left: number;
  width: number;
}

/**
 * trace-service's critical-path segments (Analysis/CriticalPaths) grouped by span and placed on each span's own bar,
 * so the waterfall can mark the stretches where the span itself held the trace up.
 */
export function segmentsBySpan(
  segments: readonly PathSegment[] | undefined,
  spans: ReadonlyMap<string, { startNs: number; durationNs: number }>,
): Map<string, BarSegment[]> {
  const result = new Map<string, BarSegment[]>();
  if (!segments) return result;
  for (const segment of segments) {
    const span = spans.get(segment.spanId);
    if (!span) continue;
    const duration = Math.max(1, span.durationNs);
    const left = Math.min(1, Math.max(0, (segment.startNs - span.startNs) / duration));
    const width = Math.min(1 - left, Math.max(0, segment.durationNs / duration));
    const list = result.get(segment.spanId) ?? [];
    list.push({ left, width });
    result.set(segment.spanId, list);
  }
  return result;
}
