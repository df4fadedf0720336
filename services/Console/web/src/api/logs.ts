import { getJson, queryString } from "./client";

/** log-service's record, as `/api/v1/logs/search` and the tail answer it. */
export interface LogRecord {
  id: string;
  timestamp: string;
  timestampNs: number;
  level: string;
  message: string;
  service: string;
  traceId: string | null;
  spanId: string | null;
  patternId: string | null;
  labels: Record<string, string>;
  fields: Record<string, string>;
  stackTrace: string | null;
  highlights?: string[] | null;
}

export interface HistogramBucket {
  start: string;
  startNs: number;
  total: number;
  byLevel: Record<string, number>;
}

export interface SearchAnswer {
  records: LogRecord[];
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: string | null;
  histogram: { bucketNs: number; buckets: HistogramBucket[] } | null;
}

export interface ValueCount {
  value: string;
  records: number;
}

export interface Facet {
  field: string;
  values: ValueCount[];
}

export interface FieldCount {
  field: string;
  records: number;
}

export interface LogPattern {
  id: string;
  template: string | null;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  sample: string | null;
  byLevel: Record<string, number>;
  bucketNs: number;
  counts: number[];
}

/**
 * The filters every log-service search endpoint shares; times are epoch ms. `logql` (a LogQL log query) stands in for
 * `q` on the facets, patterns and tail endpoints, which then count over every line it passes.
 */
export interface LogFilter {
  q: string | undefined;
  logql?: string | undefined;
  start: number;
  end: number;
}

const base = "/api/logs/api/v1/logs";

function filterParams(filter: LogFilter) {
  return filter.logql
    ? { logql: filter.logql, start: String(filter.start), end: String(filter.end) }
    : { q: filter.q || undefined, start: String(filter.start), end: String(filter.end) };
}

export function searchLogs(filter: LogFilter, options: { limit?: number; cursor?: string | null; buckets?: number }, signal?: AbortSignal): Promise<SearchAnswer> {
  return getJson<SearchAnswer>(
    `${base}/search${queryString({ ...filterParams(filter), limit: options.limit ?? 100, cursor: options.cursor ?? undefined, buckets: options.buckets, highlight: "true" })}`,
    { signal },
  );
}

/** The facets of `fields`; with a LogQL filter and no fields, those of the labels the most lines carry. */
export function logFacets(filter: LogFilter, fields: readonly string[], signal?: AbortSignal): Promise<Facet[]> {
  return getJson<Facet[]>(`${base}/facets${queryString({ ...filterParams(filter), field: fields, top: 8 })}`, { signal });
}

export function logFields(filter: LogFilter, signal?: AbortSignal): Promise<FieldCount[]> {
  return getJson<FieldCount[]>(`${base}/fields${queryString(filterParams(filter))}`, { signal });
}

export function logContext(id: string, before = 10, after = 10, signal?: AbortSignal): Promise<LogRecord[]> {
  return getJson<LogRecord[]>(`${base}/${encodeURIComponent(id)}/context${queryString({ before, after })}`, { signal });
}

export function logPatterns(filter: LogFilter, signal?: AbortSignal): Promise<LogPattern[]> {
  return getJson<LogPattern[]>(`${base}/patterns${queryString({ ...filterParams(filter), buckets: 30, limit: 100 })}`, { signal });
}

/** The Server-Sent Events address of the live tail for a Lucene query or a LogQL log query (the console's proxy streams it unbuffered). */
export function tailUrl(query: { q?: string | undefined; logql?: string | undefined }): string {
  return `${base}/tail${queryString(query.logql ? { logql: query.logql } : { q: query.q || undefined })}`;
}

/** Loki's answer to query_range: streams of lines, or a matrix for a metric query. */
export interface LokiAnswer {
  status: string;
  data: {
    resultType: "streams" | "matrix" | "vector" | "scalar";
    result: Array<{ stream?: Record<string, string>; metric?: Record<string, string>; values: Array<[string | number, string]> }>;
  };
}

/** LogQL over log-service's Loki API; times in Unix nanoseconds (as decimal strings: they pass 2^53), step in seconds. */
export function lokiQueryRange(
  query: string,
  startNs: string,
  endNs: string,
  options: { limit?: number; step?: number; direction?: "backward" | "forward" },
  signal?: AbortSignal,
): Promise<LokiAnswer> {
  return getJson<LokiAnswer>(
    `/api/logs/loki/api/v1/query_range${queryString({
      query,
      start: startNs,
      end: endNs,
      limit: options.limit,
      step: options.step,
      direction: options.direction,
    })}`,
    { signal },
  );
}
