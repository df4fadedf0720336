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

export interface TraceTree {
  roots: string[];
  children: Record<string, string[]>;
  orphans: string[];
  cycleBreaks: string[];
}

/** GET /api/v1/traces/{id} (Apis/Views/TraceView.cs). */
export interface Trace {
  traceId: string;
  startNs: number;
  endNs: number;
  durationNs: number;
  spanCount: number;
  services: string[];
  spans: Span[];
  tree: TraceTree;
  duplicates: Span[];
}

export interface PathSegment {
  spanId: string;
  service: string;
  name: string;
  startNs: number;
  endNs: number;
  durationNs: number;
}

export interface SpanTiming {
  spanId: string;
  criticalNs: number;
  selfNs: number;
  criticalShare: number;
}

/** GET /api/v1/traces/{id}/critical-path (Apis/Views/CriticalPathView.cs). */
export interface CriticalPath {
  traceId: string;
  totalNs: number;
  segments: PathSegment[];
  spans: SpanTiming[];
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

export function getTrace(traceId: string, signal?: AbortSignal): Promise<Trace> {
  return getJson<Trace>(`${base}/api/v1/traces/${encodeURIComponent(traceId)}`, { signal });
}

export function getCriticalPath(traceId: string, signal?: AbortSignal): Promise<CriticalPath> {
  return getJson<CriticalPath>(`${base}/api/v1/traces/${encodeURIComponent(traceId)}/critical-path`, { signal });
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
