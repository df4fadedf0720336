/** A span's duration as people read it: 850µs, 12.3ms, 1.25s, 2m 5s. */
export function formatNs(ns: number): string {
  const abs = Math.abs(ns);
  if (abs < 1_000) return `${Math.round(ns)}ns`;
  if (abs < 1_000_000) return `${trim(ns / 1_000)}µs`;
  if (abs < 1_000_000_000) return `${trim(ns / 1_000_000)}ms`;
  if (abs < 60_000_000_000) return `${trim(ns / 1_000_000_000)}s`;
  const seconds = Math.round(ns / 1_000_000_000);
  return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** Ticks for the waterfall's time ruler: `count` evenly spaced offsets from the trace's start. */
export function rulerTicks(durationNs: number, count = 5): Array<{ fraction: number; label: string }> {
  return Array.from({ length: count + 1 }, (_, i) => ({ fraction: i / count, label: formatNs((durationNs * i) / count) }));
}
