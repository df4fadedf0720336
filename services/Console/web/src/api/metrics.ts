import type { Labels, PromEnvelope, QueryData } from "../lib/prometheus";
import { apiFetch, getJson, queryString } from "./client";

const base = "/api/metrics/api/v1";

export interface QueryAnswer {
  data: QueryData;
  warnings: string[];
  /** Wall time of the call as the page saw it (network + evaluation). */
  tookMs: number;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** POST with a form body, as Prometheus's own UI and Grafana do, so long queries do not hit URL limits. */
async function postQuery(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<QueryAnswer> {
  const started = performance.now();
  const response = await apiFetch(
    `${base}/${path}`,
    { method: "POST", body: new URLSearchParams(params).toString(), headers: { "Content-Type": "application/x-www-form-urlencoded" } },
    { signal },
  );
  const envelope = (await response.json()) as PromEnvelope<QueryData>;
  return { data: envelope.data, warnings: [...(envelope.warnings ?? []), ...(envelope.infos ?? [])], tookMs: performance.now() - started };
}

export function queryRange(query: string, startMs: number, endMs: number, stepSeconds: number, signal?: AbortSignal): Promise<QueryAnswer> {
  return postQuery("query_range", { query, start: seconds(startMs), end: seconds(endMs), step: String(stepSeconds) }, signal);
}

export function queryInstant(query: string, timeMs: number, signal?: AbortSignal): Promise<QueryAnswer> {
  return postQuery("query", { query, time: seconds(timeMs) }, signal);
}

export async function labelValues(label: string, range: { start: number; end: number }, match?: string, signal?: AbortSignal): Promise<string[]> {
  const search = queryString({ start: seconds(range.start), end: seconds(range.end), "match[]": match ? [match] : undefined });
  const envelope = await getJson<PromEnvelope<string[]>>(`${base}/label/${encodeURIComponent(label)}/values${search}`, { signal });
  return envelope.data ?? [];
}

export async function series(match: string, range: { start: number; end: number }, signal?: AbortSignal): Promise<Labels[]> {
  const search = queryString({ "match[]": [match], start: seconds(range.start), end: seconds(range.end) });
  const envelope = await getJson<PromEnvelope<Labels[]>>(`${base}/series${search}`, { signal });
  return envelope.data ?? [];
}

export async function labelNames(range: { start: number; end: number }, signal?: AbortSignal): Promise<string[]> {
  const envelope = await getJson<PromEnvelope<string[]>>(`${base}/labels${queryString({ start: seconds(range.start), end: seconds(range.end) })}`, { signal });
  return envelope.data ?? [];
}
