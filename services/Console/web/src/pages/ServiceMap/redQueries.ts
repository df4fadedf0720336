import type { NodeKind } from "../../api/serviceMap";

/**
 * PromQL over trace-service's span metrics in metrics-service (SpanMetrics/SpanMetricsAggregator.cs, named as the
 * OpenTelemetry Collector's spanmetrics connector names them): request rate, error ratio and latency percentiles.
 */
export const spanMetrics = { calls: "traces_span_metrics_calls_total", buckets: "traces_span_metrics_duration_seconds_bucket" } as const;

export interface RedQueries {
  /** Whose spans these are, in words ("received by payments"). */
  scope: string;
  rate: string;
  errorRatio: string;
  latency: Array<{ expr: string; legend: string }>;
}

const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const regexEscape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The selector of the spans that measure what a node received or what an edge carried. */
export interface SpanScope {
  services: string[];
  /** Server/consumer spans for what a service received; client/producer spans for calls to an uninstrumented peer. */
  side: "server" | "client";
  scope: string;
}

export function selectorOf({ services, side }: SpanScope): string {
  const service = services.length === 1 ? `service_name=${quote(services[0]!)}` : `service_name=~${quote(services.map(regexEscape).join("|"))}`;
  const kinds = side === "server" ? "SPAN_KIND_SERVER|SPAN_KIND_CONSUMER" : "SPAN_KIND_CLIENT|SPAN_KIND_PRODUCER";
  return `${service},span_kind=~"${kinds}"`;
}

/**
 * Whose spans measure a node: a service's own server spans; a database, queue or external peer has none, so its
 * callers' client spans (which also count their calls to other peers: span metrics carry no peer label).
 */
export function nodeScope(name: string, kind: NodeKind, callers: string[]): SpanScope | null {
  if (kind === "service") return { services: [name], side: "server", scope: `received by ${name}` };
  if (callers.length === 0) return null;
  return { services: callers, side: "client", scope: `client calls of ${callers.join(", ")} (to every peer)` };
}

/** An edge A → B: B's server spans (from every caller) when B is instrumented, else A's client spans. */
export function edgeScope(from: string, to: string, toKind: NodeKind): SpanScope {
  return toKind === "service"
    ? { services: [to], side: "server", scope: `received by ${to} (from every caller)` }
    : { services: [from], side: "client", scope: `client calls of ${from} (to every peer)` };
}

/** rate() over at least a minute: span metrics are written every 15 s, so a minute holds four points. */
export function rateWindow(stepSeconds: number): string {
  return `${Math.max(60, stepSeconds * 2)}s`;
}

export function redQueries(scope: SpanScope, stepSeconds: number): RedQueries {
  const sel = selectorOf(scope);
  const w = rateWindow(stepSeconds);
  const calls = `sum(rate(${spanMetrics.calls}{${sel}}[${w}]))`;
  const errors = `sum(rate(${spanMetrics.calls}{${sel},status_code="STATUS_CODE_ERROR"}[${w}]))`;
  const buckets = `sum by (le) (rate(${spanMetrics.buckets}{${sel}}[${w}]))`;
  return {
    scope: scope.scope,
    rate: calls,
    // No error series at all is a ratio of 0, not a gap.
    errorRatio: `(${errors} or ${calls} * 0) / ${calls}`,
    latency: [0.5, 0.95, 0.99].map((q) => ({ expr: `histogram_quantile(${q}, ${buckets})`, legend: `p${Math.round(q * 100)}` })),
  };
}
