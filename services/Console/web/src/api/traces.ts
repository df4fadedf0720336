import { getJson, queryString } from "./client";
import type { LogRecord } from "./logs";

/** trace-service's search hit (Apis/TraceQueryApi.cs, TraceSummaryView). */
export interface TraceSummary {
  traceId: string;
  rootService: string;
  rootOperation: string;
  start: string;
  startNs: number;
  durationNs: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
  services: string[];
}

export interface TraceSearch {
  traces: TraceSummary[];
  limit: number;
}

/** An attribute with its OTLP type (Apis/Views/AttributeView.cs). */
export interface AttributeValue {
  type: "string" | "bool" | "int" | "double" | "bytes";
  value: string | number | boolean;
}

export type Attributes = Record<string, AttributeValue>;

export interface SpanEvent {
  name: string;
  time: string;
  timeNs: number;
  attributes: Attributes;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

/** A stored span, clock skew adjusted (Apis/Views/SpanView.cs). */
export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  service: string;
  name: string;
  kind: string;
  start: string;
  startNs: number;
  endNs: number;
  durationNs: number;
  durationMs: number;
  skewNs: number;
  status: "ok" | "error" | "unset";
  statusMessage: string | null;
  attributes: Attributes;
  resource: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
}

/** What the outline says of the whole trace, as sent and as decoded. */
export interface TraceHeader {
  traceId: string;
  startNs: number;
  endNs: number;
  durationNs: number;
  spanCount: number;
  services: string[];
  clockSkewAdjusted: boolean;
}

/** GET /api/v1/traces/{id}/outline as sent (trace-service's Apis/Views/Outline/TraceOutlineJson.cs): columns, a string table. */
export interface OutlineAnswer extends TraceHeader {
  spans: {
    spanId: string[];
    parent: number[];
    service: number[];
    name: number[];
    kind: number[];
    status: number[];
    startNs: number[];
    durationNs: number[];
    skewNs: number[];
    criticalNs: number[];
    selfNs: number[];
    attributes: number[][];
  };
  /** segments: [position, startNs after the trace's start, durationNs] three numbers a segment. */
  criticalPath: { totalNs: number; segments: number[] };
  strings: string[];
}

/** A span as the waterfall and the flame graph need it; the rest (typed attributes, resource, events, links) comes with {@link getSpan}. */
export interface SpanOutline {
  spanId: string;
  /** Position of the parent in {@link TraceOutline.spans}, -1 for a root. */
  parent: number;
  service: string;
  name: string;
  kind: string;
  status: "ok" | "error" | "unset";
  startNs: number;
  durationNs: number;
  skewNs: number;
  criticalNs: number;
  selfNs: number;
  /** Keys and values as text, for the filter. */
  attributes: ReadonlyArray<readonly [string, string]>;
}

/** A stretch of the critical path spent in one span itself. */
export interface PathSegment {
  spanId: string;
  startNs: number;
  durationNs: number;
}

/** One trace, clock skew adjusted, with its critical path: the spans depth-first (a span's subtree follows it). */
export interface TraceOutline extends TraceHeader {
  spans: SpanOutline[];
  criticalPath: { totalNs: number; segments: PathSegment[] };
}

const kinds = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const statuses = ["unset", "ok", "error"] as const;

/** The answer's columns as one object a span; O(spans + segments). */
export function decodeOutline(answer: OutlineAnswer): TraceOutline {
  const { spans: c, strings, startNs } = answer;
  const spans: SpanOutline[] = new Array(c.spanId.length);
  for (let i = 0; i < spans.length; i++) {
    const pairs = c.attributes[i]!;
    const attributes: Array<readonly [string, string]> = new Array(pairs.length / 2);
    for (let k = 0; k < attributes.length; k++) attributes[k] = [strings[pairs[2 * k]!]!, strings[pairs[2 * k + 1]!]!];
    spans[i] = {
      spanId: c.spanId[i]!,
      parent: c.parent[i]!,
      service: strings[c.service[i]!]!,
      name: strings[c.name[i]!]!,
      kind: kinds[c.kind[i]!] ?? "unspecified",
      status: statuses[c.status[i]!] ?? "unset",
      startNs: startNs + c.startNs[i]!,
      durationNs: c.durationNs[i]!,
      skewNs: c.skewNs[i]!,
      criticalNs: c.criticalNs[i]!,
      selfNs: c.selfNs[i]!,
      attributes,
    };
  }
  const flat = answer.criticalPath.segments;
  const segments: PathSegment[] = new Array(flat.length / 3);
  for (let k = 0; k < segments.length; k++) {
    segments[k] = { spanId: spans[flat[3 * k]!]!.spanId, startNs: startNs + flat[3 * k + 1]!, durationNs: flat[3 * k + 2]! };
  }
  const { traceId, endNs, durationNs, spanCount, services, clockSkewAdjusted } = answer;
  return { traceId, startNs, endNs, durationNs, spanCount, services, clockSkewAdjusted, spans, criticalPath: { totalNs: answer.criticalPath.totalNs, segments } };
}

export interface BottleneckChange {
  rankBefore: number | null;
  rankAfter: number | null;
  shareBefore: number | null;
  shareAfter: number | null;
  shareChange: number;
  meanCriticalChangeNs: number;
  isNew: boolean;
  isGone: boolean;
  service: string;
  operation: string;
}

export interface Bottleneck {
  service: string;
  operation: string;
  rank: number;
  share: number;
  criticalNs: number;
  selfNs: number;
  spans: number;
  traces: number;
  meanCriticalNsPerTrace: number;
  change: BottleneckChange;
}

export interface BottleneckWindow {
  start: string;
  end: string;
  startNs: number;
  endNs: number;
  tracesInWindow: number;
  tracesAnalysed: number;
  sampled: boolean;
  totalCriticalNs: number;
}

/** GET /api/v1/bottlenecks (Apis/Views/BottlenecksView.cs). */
export interface Bottlenecks {
  service: string | null;
  maxTraces: number;
  window: BottleneckWindow;
  previous: BottleneckWindow;
  operations: Bottleneck[];
  gone: BottleneckChange[];
}

interface JaegerAnswer<T> {
  data: T;
}

export interface TraceQuery {
  service?: string | undefined;
  operation?: string | undefined;
  tags?: string | undefined;
  minDuration?: string | undefined;
  maxDuration?: string | undefined;
  /** Epoch ms. */
  start: number;
  end: number;
  limit?: number | undefined;
}

const base = "/api/traces";

export async function traceServices(signal?: AbortSignal): Promise<string[]> {
  return (await getJson<JaegerAnswer<string[]>>(`${base}/api/services`, { signal })).data ?? [];
}

export async function traceOperations(service: string, signal?: AbortSignal): Promise<string[]> {
  return (await getJson<JaegerAnswer<string[]>>(`${base}/api/services/${encodeURIComponent(service)}/operations`, { signal })).data ?? [];
}

/** Milliseconds as the Unix µs trace-service reads exactly (it takes s, ms, µs or ns by magnitude). */
const micros = (ms: number) => String(Math.round(ms * 1000));

export function searchTraces(query: TraceQuery, signal?: AbortSignal): Promise<TraceSearch> {
  const search = queryString({
    service: query.service || undefined,
    operation: query.operation || undefined,
    tags: query.tags || undefined,
    minDuration: query.minDuration || undefined,
    maxDuration: query.maxDuration || undefined,
    start: micros(query.start),
    end: micros(query.end),
    limit: query.limit,
  });
  return getJson<TraceSearch>(`${base}/api/v1/traces${search}`, { signal });
}

/** The trace and its critical path in one compact answer (a tenth of the two full ones' size). */
export async function getTraceOutline(traceId: string, signal?: AbortSignal): Promise<TraceOutline> {
  return decodeOutline(await getJson<OutlineAnswer>(`${base}/api/v1/traces/${encodeURIComponent(traceId)}/outline`, { signal }));
}

/** One span whole, fetched when it is chosen. */
export function getSpan(traceId: string, spanId: string, signal?: AbortSignal): Promise<Span> {
  return getJson<Span>(`${base}/api/v1/traces/${encodeURIComponent(traceId)}/spans/${encodeURIComponent(spanId)}`, { signal });
}

export function getBottlenecks(service: string | undefined, start: number, end: number, signal?: AbortSignal): Promise<Bottlenecks> {
  const search = queryString({ service: service || undefined, start: micros(start), end: micros(end), limit: 50 });
  return getJson<Bottlenecks>(`${base}/api/v1/bottlenecks${search}`, { signal });
}

/** log-service's records with this trace id, oldest first, over the trace's time give or take a minute. */
export async function traceLogs(traceId: string, startNs: number, endNs: number, signal?: AbortSignal): Promise<LogRecord[]> {
  const margin = 60_000_000_000;
  const search = queryString({
    trace_id: traceId,
    start: String(Math.floor((startNs - margin) / 1000)),
    end: String(Math.ceil((endNs + margin) / 1000)),
    limit: 500,
  });
  const answer = await getJson<{ records: LogRecord[] }>(`/api/logs/api/v1/logs/search${search}`, { signal });
  return [...answer.records].sort((a, b) => a.timestampNs - b.timestampNs);
}
