import type { NodeKind } from "../../api/serviceMap";

/**
 * PromQL over trace-service's span metrics in metrics-service: request rate, error ratio and latency percentiles. A
 * service's own RED comes from its spans (SpanMetrics/SpanMetricsAggregator.cs, named as the OpenTelemetry Collector's
 * spanmetrics connector names them); an edge's, and a database's or queue's, from the calls the dependency graph pairs
 * (SpanMetrics/ServiceGraphMetrics.cs, named as Grafana Tempo's service-graph metrics), which know the caller.
 */
export const spanMetrics = { calls: "traces_span_metrics_calls_total", buckets: "traces_span_metrics_duration_seconds_bucket" } as const;

export const serviceGraphMetrics = {
  requests: "traces_service_graph_request_total",
  failed: "traces_service_graph_request_failed_total",
  buckets: "traces_service_graph_request_server_seconds_bucket",
} as const;

export interface RedQueries {
  /** Whose calls these are, in words ("received by payments", "calls from checkout to payments"). */
  scope: string;
  /** The metrics they come from, in words. */
  source: string;
  rate: string;
  errorRatio: string;
  latency: Array<{ expr: string; legend: string }>;
}

const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const regexEscape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The spans that measure what a service received (its server/consumer spans). */
export interface SpanScope {
  services: string[];
  /** Server/consumer spans for what a service received; client/producer spans for what it sent. */
  side: "server" | "client";
  scope: string;
}

/** The calls on an edge (client → server), or into a node from every caller (no client). */
export interface EdgeScope {
  edge: { client?: string | undefined; server: string };
  scope: string;
}

export type RedScope = SpanScope | EdgeScope;

export function selectorOf({ services, side }: SpanScope): string {
  const service = services.length === 1 ? `service_name=${quote(services[0]!)}` : `service_name=~${quote(services.map(regexEscape).join("|"))}`;
  const kinds = side === "server" ? "SPAN_KIND_SERVER|SPAN_KIND_CONSUMER" : "SPAN_KIND_CLIENT|SPAN_KIND_PRODUCER";
  return `${service},span_kind=~"${kinds}"`;
}

export function edgeSelectorOf({ edge }: EdgeScope): string {
  return edge.client === undefined ? `server=${quote(edge.server)}` : `client=${quote(edge.client)},server=${quote(edge.server)}`;
}

/**
 * Whose calls measure a node: a service's own server spans; a database, queue or external peer has no spans, so the
 * calls its callers' client spans made to it (the service graph's, which name the peer); none without callers.
 */
export function nodeScope(name: string, kind: NodeKind, callers: string[]): RedScope | null {
  if (kind === "service") return { services: [name], side: "server", scope: `received by ${name}` };
  if (callers.length === 0) return null;
  return { edge: { server: name }, scope: `calls to ${name} from ${callers.join(", ")}` };
}

/** An edge A → B: the calls A made to B, and no one else's. */
export function edgeScope(from: string, to: string): EdgeScope {
  return { edge: { client: from, server: to }, scope: `calls from ${from} to ${to}` };
}

/** rate() over at least a minute: span metrics are written every 15 s, so a minute holds four points. */
export function rateWindow(stepSeconds: number): string {
  return `${Math.max(60, stepSeconds * 2)}s`;
}

export function redQueries(scope: RedScope, stepSeconds: number): RedQueries {
  const w = rateWindow(stepSeconds);
  const quantiles = (buckets: string) => [0.5, 0.95, 0.99].map((q) => ({ expr: `histogram_quantile(${q}, ${buckets})`, legend: `p${Math.round(q * 100)}` }));
  if ("edge" in scope) {
    const sel = edgeSelectorOf(scope);
    const calls = `sum(rate(${serviceGraphMetrics.requests}{${sel}}[${w}]))`;
    return {
      scope: scope.scope,
      source: "Service graph metrics",
      rate: calls,
      // The failed counter is written with every edge, at 0 when nothing failed.
      errorRatio: `sum(rate(${serviceGraphMetrics.failed}{${sel}}[${w}])) / ${calls}`,
      latency: quantiles(`sum by (le) (rate(${serviceGraphMetrics.buckets}{${sel}}[${w}]))`),
    };
  }
  const sel = selectorOf(scope);
  const calls = `sum(rate(${spanMetrics.calls}{${sel}}[${w}]))`;
  const errors = `sum(rate(${spanMetrics.calls}{${sel},status_code="STATUS_CODE_ERROR"}[${w}]))`;
  return {
    scope: scope.scope,
    source: "Span metrics",
    rate: calls,
    // No error series at all is a ratio of 0, not a gap.
    errorRatio: `(${errors} or ${calls} * 0) / ${calls}`,
    latency: quantiles(`sum by (le) (rate(${spanMetrics.buckets}{${sel}}[${w}]))`),
  };
}
