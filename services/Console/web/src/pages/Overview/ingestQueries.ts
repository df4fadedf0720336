/**
 * Ingest rate per signal from AIRIS's own /metrics (scraped by metrics-service): requests per second on each
 * service's ingest routes, from ASP.NET Core's `http.server.request.duration` histogram as OpenTelemetry's Prometheus
 * exporter names it (`http_server_request_duration_seconds_count`, label `http_route`). One request is one batch.
 */
const routes: Record<"metrics" | "logs" | "traces", string[]> = {
  metrics: ["/api/v1/write", "/v1/metrics", "/api/v1/metrics", "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export"],
  logs: ["/v1/logs", "/loki/api/v1/push", "/api/v1/logs/", "/api/v1/logs/raw", "/opentelemetry.proto.collector.logs.v1.LogsService/Export"],
  traces: ["/v1/traces", "/api/v2/spans", "/opentelemetry.proto.collector.trace.v1.TraceService/Export"],
};

function regexOf(paths: string[]): string {
  return paths.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\\\$&")).join("|");
}

export const ingestSignals = (Object.keys(routes) as Array<keyof typeof routes>).map((signal) => ({
  signal,
  expr: `sum(rate(http_server_request_duration_seconds_count{http_route=~"${regexOf(routes[signal])}"}[5m]))`,
}));
