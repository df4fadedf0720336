import type { Measures } from "../../api/serviceMap";

/** "12.5/s", "0.03/s": calls per second with the digits that matter. */
export function formatRate(perSecond: number): string {
  const abs = Math.abs(perSecond);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 0.1 ? 2 : 3;
  return `${perSecond.toFixed(digits).replace(/\.?0+$/, "") || "0"}/s`;
}

export function formatPercent(ratio: number | null): string {
  if (ratio === null) return "—";
  const pct = ratio * 100;
  return `${pct.toFixed(Math.abs(pct) >= 10 || pct === 0 ? 0 : 1)}%`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  return `${ms.toFixed(ms >= 10 ? 0 : 1)} ms`;
}

/** An edge's label: calls/s · error rate · p95. */
export function edgeLabel(m: Measures): string {
  return `${formatRate(m.callsPerSecond)} · ${formatPercent(m.errorRate ?? 0)} err · p95 ${formatMs(m.p95Ms)}`;
}

/** A signed change ("+2.5 pt", "−40 ms"). */
export function signed(value: number, text: (abs: number) => string): string {
  if (value === 0) return "±0";
  return `${value > 0 ? "+" : "−"}${text(Math.abs(value))}`;
}
