import type { LogRecord, LokiAnswer } from "../../api/logs";
import type { LevelBucket } from "./histogramData";

/** A LogQL line as the explorer lists it: its stream labels stand in for the record's fields. */
export interface LokiLine extends LogRecord {
  /** Unix nanoseconds exactly, as a decimal string (a number would round it). */
  ns: string;
}

function compareNs(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** The lines of a streams answer, newest first, each with the record shape the list shows. */
export function linesOf(answer: LokiAnswer): LokiLine[] {
  if (answer.data.resultType !== "streams") return [];
  const lines: LokiLine[] = [];
  for (const stream of answer.data.result) {
    const labels = stream.stream ?? {};
    for (const [ts, line] of stream.values) {
      const ns = String(ts);
      lines.push({
        ns,
        id: `${ns}:${lines.length}`,
        timestamp: new Date(Number(ns.slice(0, -6) || "0")).toISOString(),
        timestampNs: Number(ns),
        level: labels.detected_level ?? labels.level ?? "unknown",
        message: line,
        service: labels.service_name ?? labels.service ?? "",
        traceId: labels.trace_id ?? null,
        spanId: labels.span_id ?? null,
        patternId: null,
        labels,
        fields: {},
        stackTrace: null,
      });
    }
  }
  return lines.sort((a, b) => compareNs(b.ns, a.ns));
}

/** The next page's end (exclusive): the oldest line's time, when the page was full. */
export function nextEndNs(lines: readonly LokiLine[], limit: number): string | undefined {
  return lines.length >= limit ? lines.at(-1)!.ns : undefined;
}

/** Pages joined newest first, without the lines a page boundary repeats. */
export function joinPages(pages: ReadonlyArray<readonly LokiLine[]>): LokiLine[] {
  const seen = new Set<string>();
  const all: LokiLine[] = [];
  for (const line of pages.flat()) {
    const key = `${line.ns}\u0000${line.message}\u0000${JSON.stringify(line.labels)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(line);
  }
  return all;
}

/** A `sum by (detected_level)` matrix as histogram bars (epoch ms starts). */
export function bucketsOf(answer: LokiAnswer): LevelBucket[] {
  if (answer.data.resultType !== "matrix") return [];
  const byTime = new Map<number, Record<string, number>>();
  for (const series of answer.data.result) {
    const level = series.metric?.detected_level ?? "unknown";
    for (const [t, v] of series.values) {
      const start = Math.round(Number(t) * 1000);
      const counts = byTime.get(start) ?? {};
      counts[level] = (counts[level] ?? 0) + Number(v);
      byTime.set(start, counts);
    }
  }
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([start, byLevel]) => ({ start, byLevel }));
}
