import type { CriticalPath, Span, Trace, TraceSummary } from "../../api/traces";

const t0 = 1_714_550_400_000_000_000;

/** A span as trace-service answers it (Apis/Views/SpanView.cs), times relative to t0 in ms. */
export function span(spanId: string, parentSpanId: string | null, service: string, name: string, startMs: number, durationMs: number, extra: Partial<Span> = {}): Span {
  const startNs = t0 + startMs * 1e6;
  return {
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId, parentSpanId, service, name, kind: "server",
    start: new Date(startNs / 1e6).toISOString(), startNs, endNs: startNs + durationMs * 1e6, durationNs: durationMs * 1e6, durationMs,
    skewNs: 0, status: "unset", statusMessage: null, attributes: {}, resource: { "service.name": { type: "string", value: service } },
    events: [], links: [], ...extra,
  };
}

/** A trace whose spans are given parent-first; the tree is derived as trace-service builds it (children in start order). */
export function traceOf(spans: Span[]): Trace {
  const children: Record<string, string[]> = {};
  const ids = new Set(spans.map((s) => s.spanId));
  for (const s of [...spans].sort((a, b) => a.startNs - b.startNs)) {
    children[s.spanId] ??= [];
    if (s.parentSpanId && ids.has(s.parentSpanId)) (children[s.parentSpanId] ??= []).push(s.spanId);
  }
  const startNs = Math.min(...spans.map((s) => s.startNs));
  const endNs = Math.max(...spans.map((s) => s.endNs));
  return {
    traceId: spans[0]!.traceId, startNs, endNs, durationNs: endNs - startNs, spanCount: spans.length,
    services: [...new Set(spans.map((s) => s.service))].sort(), spans,
    tree: { roots: spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId)).map((s) => s.spanId), children, orphans: [], cycleBreaks: [] },
    duplicates: [],
  };
}

/** frontend → checkout → (payment → gateway) ∥ inventory: the gateway holds the trace up. */
export const checkoutTrace = traceOf([
  span("a1", null, "frontend", "GET /checkout", 0, 1000),
  span("b1", "a1", "checkout", "POST /api/orders", 10, 980),
  span("c1", "b1", "payment", "charge card", 20, 900, { attributes: { "payment.provider": { type: "string", value: "acme-pay" } } }),
  span("d1", "c1", "payment", "POST acme-pay /v1/charges", 25, 880, {
    kind: "client", status: "error", statusMessage: "gateway timeout",
    events: [{ name: "retry", time: "", timeNs: t0 + 400e6, attributes: { attempt: { type: "int", value: 2 } } }],
    links: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", attributes: {} }],
  }),
  span("e1", "b1", "inventory", "reserve items", 20, 50),
  span("f1", "e1", "inventory", "UPDATE stock", 25, 30),
]);

export const checkoutPath: CriticalPath = {
  traceId: checkoutTrace.traceId,
  totalNs: 1000e6,
  segments: [
    { spanId: "a1", service: "frontend", name: "GET /checkout", startNs: t0, endNs: t0 + 10e6, durationNs: 10e6 },
    { spanId: "b1", service: "checkout", name: "POST /api/orders", startNs: t0 + 10e6, endNs: t0 + 20e6, durationNs: 10e6 },
    { spanId: "c1", service: "payment", name: "charge card", startNs: t0 + 20e6, endNs: t0 + 25e6, durationNs: 5e6 },
    { spanId: "d1", service: "payment", name: "POST acme-pay /v1/charges", startNs: t0 + 25e6, endNs: t0 + 905e6, durationNs: 880e6 },
    { spanId: "c1", service: "payment", name: "charge card", startNs: t0 + 905e6, endNs: t0 + 920e6, durationNs: 15e6 },
    { spanId: "b1", service: "checkout", name: "POST /api/orders", startNs: t0 + 920e6, endNs: t0 + 990e6, durationNs: 70e6 },
    { spanId: "a1", service: "frontend", name: "GET /checkout", startNs: t0 + 990e6, endNs: t0 + 1000e6, durationNs: 10e6 },
  ],
  spans: [
    { spanId: "d1", criticalNs: 880e6, selfNs: 880e6, criticalShare: 0.88 },
    { spanId: "b1", criticalNs: 80e6, selfNs: 80e6, criticalShare: 0.08 },
  ],
};

export function summary(traceId: string, startMs: number, durationMs: number, extra: Partial<TraceSummary> = {}): TraceSummary {
  const startNs = t0 + startMs * 1e6;
  return {
    traceId, rootService: "frontend", rootOperation: "GET /checkout", start: new Date(startNs / 1e6).toISOString(), startNs,
    durationNs: durationMs * 1e6, durationMs, spanCount: 6, errorCount: 0, services: ["checkout", "frontend", "payment"], ...extra,
  };
}
