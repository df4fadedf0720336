import { decodeOutline, type OutlineAnswer, type Span, type TraceOutline, type TraceSummary } from "../../api/traces";

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

/** A critical-path stretch in absolute Unix ns, as a fixture states it. */
export interface FixtureSegment {
  spanId: string;
  startNs: number;
  durationNs: number;
}

const kindNumbers: Record<string, number> = { unspecified: 0, internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const statusNumbers = { unset: 0, ok: 1, error: 2 };

/**
 * The outline trace-service answers for these spans (Apis/Views/Outline/TraceOutlineJson.cs): the tree depth-first,
 * roots and children in start order, texts in a string table, the critical path's segments by position; each span's
 * critical time is what the segments give it.
 */
export function outlineOf(spans: Span[], segments: FixtureSegment[] = []): OutlineAnswer {
  const ids = new Set(spans.map((s) => s.spanId));
  const byStart = [...spans].sort((a, b) => a.startNs - b.startNs || (a.spanId < b.spanId ? -1 : 1));
  const children = new Map<string, Span[]>();
  for (const s of byStart) if (s.parentSpanId && ids.has(s.parentSpanId)) children.set(s.parentSpanId, [...(children.get(s.parentSpanId) ?? []), s]);
  const order: Array<{ span: Span; parent: number }> = [];
  const stack = byStart.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId)).reverse().map((span) => ({ span, parent: -1 }));
  while (stack.length > 0) {
    const { span, parent } = stack.pop()!;
    order.push({ span, parent });
    const self = order.length - 1;
    for (const child of [...(children.get(span.spanId) ?? [])].reverse()) stack.push({ span: child, parent: self });
  }
  const strings: string[] = [];
  const text = (t: string) => (strings.includes(t) ? strings.indexOf(t) : strings.push(t) - 1);
  const startNs = Math.min(...spans.map((s) => s.startNs));
  const endNs = Math.max(...spans.map((s) => s.endNs));
  const position = new Map(order.map((o, i) => [o.span.spanId, i]));
  const critical = (id: string) => segments.filter((g) => g.spanId === id).reduce((sum, g) => sum + g.durationNs, 0);
  const column = <T,>(f: (s: Span, parent: number) => T) => order.map((o) => f(o.span, o.parent));
  return {
    traceId: spans[0]!.traceId, startNs, endNs, durationNs: endNs - startNs, spanCount: spans.length,
    services: [...new Set(spans.map((s) => s.service))].sort(), clockSkewAdjusted: spans.some((s) => s.skewNs !== 0),
    spans: {
      spanId: column((s) => s.spanId),
      parent: column((_, parent) => parent),
      service: column((s) => text(s.service)),
      name: column((s) => text(s.name)),
      kind: column((s) => kindNumbers[s.kind] ?? 0),
      status: column((s) => statusNumbers[s.status]),
      startNs: column((s) => s.startNs - startNs),
      durationNs: column((s) => s.durationNs),
      skewNs: column((s) => s.skewNs),
      criticalNs: column((s) => critical(s.spanId)),
      selfNs: column((s) => s.durationNs),
      attributes: column((s) => Object.entries(s.attributes).flatMap(([k, v]) => [text(k), text(String(v.value))])),
    },
    criticalPath: {
      totalNs: segments.reduce((sum, g) => sum + g.durationNs, 0),
      segments: segments.flatMap((g) => [position.get(g.spanId)!, g.startNs - startNs, g.durationNs]),
    },
    strings,
  };
}

/** frontend → checkout → (payment → gateway) ∥ inventory: the gateway holds the trace up. */
export const checkoutSpans: Span[] = [
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
];

export const checkoutSegments: FixtureSegment[] = [
  { spanId: "a1", startNs: t0, durationNs: 10e6 },
  { spanId: "b1", startNs: t0 + 10e6, durationNs: 10e6 },
  { spanId: "c1", startNs: t0 + 20e6, durationNs: 5e6 },
  { spanId: "d1", startNs: t0 + 25e6, durationNs: 880e6 },
  { spanId: "c1", startNs: t0 + 905e6, durationNs: 15e6 },
  { spanId: "b1", startNs: t0 + 920e6, durationNs: 70e6 },
  { spanId: "a1", startNs: t0 + 990e6, durationNs: 10e6 },
];

export const checkoutAnswer = outlineOf(checkoutSpans, checkoutSegments);

export const checkoutTrace: TraceOutline = decodeOutline(checkoutAnswer);

/** The outline of spans given with no critical path, decoded. */
export function traceOf(spans: Span[]): TraceOutline {
  return decodeOutline(outlineOf(spans));
}

export function summary(traceId: string, startMs: number, durationMs: number, extra: Partial<TraceSummary> = {}): TraceSummary {
  const startNs = t0 + startMs * 1e6;
  return {
    traceId, rootService: "frontend", rootOperation: "GET /checkout", start: new Date(startNs / 1e6).toISOString(), startNs,
    durationNs: durationMs * 1e6, durationMs, spanCount: 6, errorCount: 0, services: ["checkout", "frontend", "payment"], ...extra,
  };
}
