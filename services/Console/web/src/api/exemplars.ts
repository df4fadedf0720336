import type { Labels, PromEnvelope } from "../lib/prometheus";
import { apiFetch } from "./client";

/** Prometheus's `/api/v1/query_exemplars` answer: exemplars (a trace id among their labels) per series. */
export interface ExemplarSeries {
  seriesLabels: Labels;
  exemplars: Array<{ labels: Labels; value: string; timestamp: number }>;
}

/** The exemplars of a query's series over [start, end] (epoch ms), as metrics-service stores them from remote_write. */
export async function queryExemplars(query: string, startMs: number, endMs: number, signal?: AbortSignal): Promise<ExemplarSeries[]> {
  const body = new URLSearchParams({ query, start: (startMs / 1000).toFixed(3), end: (endMs / 1000).toFixed(3) });
  const response = await apiFetch(
    "/api/metrics/api/v1/query_exemplars",
    { method: "POST", body: body.toString(), headers: { "Content-Type": "application/x-www-form-urlencoded" } },
    { signal },
  );
  const envelope = (await response.json()) as PromEnvelope<ExemplarSeries[]>;
  return envelope.data ?? [];
}

/** The trace id an exemplar carries, under the names OpenTelemetry and Prometheus clients use. */
export function exemplarTraceId(labels: Labels): string | undefined {
  return labels.trace_id || labels.traceID || labels.traceId || undefined;
}
