import type { Measures } from "../../api/serviceMap";
import { edgeLabel, formatMs, formatPercent, formatRate, signed } from "./mapFormat";
import type { MapEdge, MapNode, Tone } from "./mapModel";

const toneWords: Record<Tone, string> = {
  none: "",
  same: "about the same as before",
  better: "better than before",
  worse: "worse than before",
  new: "new in this window",
  vanished: "vanished: seen only in the compared window",
};

export const toneLabel = (tone: Tone) => toneWords[tone];

function measuresText(m: Measures | null): string {
  if (!m || m.calls === 0) return "no calls";
  return `${formatRate(m.callsPerSecond)}, ${formatPercent(m.errorRate ?? 0)} errors, p95 ${formatMs(m.p95Ms)}`;
}

/** The change in words ("error rate +12 pt, p95 ×1.8"), for labels and the detail panel. */
export function changeText(el: MapNode | MapEdge): string {
  const c = el.change;
  if (!c || c.change !== "compared") return toneWords[el.tone];
  const parts = [`calls ${signed(c.callsPerSecondChange, formatRate)}`, `error rate ${signed(c.errorRateChange * 100, (v) => `${v.toFixed(1)} pt`)}`];
  if (c.p95Ratio !== null) parts.push(`p95 ×${c.p95Ratio.toFixed(2)}`);
  return parts.join(", ");
}

/** The line drawn under a node's name: NEW or GONE when comparing, and the calls it received. */
export function nodeDetail(n: MapNode): string {
  const m = n.measures ?? n.baseline;
  const calls = m && m.calls > 0 ? `${m.calls.toLocaleString()} calls in` : n.kind === "service" ? "caller only" : "";
  return (n.tone === "new" ? "NEW · " : n.tone === "vanished" ? "GONE · " : "") + calls;
}

/** A node's accessible name: its drawn text (name, then the detail line; WCAG's label in name), kind, measures and change. */
export function describeNode(n: MapNode): string {
  const tone = n.tone === "none" ? "" : `; ${toneWords[n.tone]}${n.change?.change === "compared" ? ` (${changeText(n)})` : ""}`;
  const detail = nodeDetail(n);
  return `${n.id} (${n.kind}): ${detail ? `${detail}; ` : ""}${measuresText(n.measures ?? n.baseline)}${tone}`;
}

/** The text drawn on an edge: its measures, marked NEW or GONE when comparing. */
export function edgeText(e: MapEdge): string {
  const measures = e.measures ?? e.baseline;
  if (!measures) return "";
  return (e.tone === "new" ? "NEW " : e.tone === "vanished" ? "GONE " : "") + edgeLabel(measures);
}

/** An edge's accessible name holds the text drawn on it (WCAG's label in name), then its change in words. */
export function describeEdge(e: MapEdge): string {
  const tone = e.tone === "none" ? "" : `; ${toneWords[e.tone]}${e.change?.change === "compared" ? ` (${changeText(e)})` : ""}`;
  return `${e.from} calls ${e.to}: ${edgeText(e) || "no calls"}${tone}`;
}
