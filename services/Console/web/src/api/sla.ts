import { getJson, queryString } from "./client";
import { labelValues } from "./metrics";

/** metrics-service's SLA report (services/MetricsService/Sla/SlaReport.cs). */
export interface SlaObjective {
  name: "availability" | "p95_latency" | "error_rate" | "throughput" | string;
  actual: number | null;
  target: number;
  unit: string;
  status: "MET" | "BREACH" | "NO_DATA";
}

export interface SlaReport {
  service: string;
  start: string;
  end: string;
  totalRequests: number;
  availability: SlaObjective;
  p95Latency: SlaObjective;
  errorRate: SlaObjective;
  throughput: SlaObjective;
  overall: "MET" | "BREACH" | "NO_DATA";
}

/** The histogram the report reads (Sla/SlaDataSource.cs). */
export const slaHistogram = "http_server_request_duration_seconds_count";

export function slaReport(service: string, startMs: number, endMs: number, signal?: AbortSignal): Promise<SlaReport> {
  const search = queryString({ service, start: (startMs / 1000).toFixed(0), end: (endMs / 1000).toFixed(0) });
  return getJson<SlaReport>(`/api/metrics/api/v1/sla/report${search}`, { signal });
}

/** The services a report can be asked for: the `service` label of the request histogram, or its `job` (OTLP's service.name). */
export async function slaServices(range: { start: number; end: number }, signal?: AbortSignal): Promise<string[]> {
  const [services, jobs] = await Promise.all([
    labelValues("service", range, slaHistogram, signal),
    labelValues("job", range, slaHistogram, signal),
  ]);
  // A job may be "namespace/service" (OTLP's service.namespace/service.name); the report matches the name after it.
  return [...new Set([...services, ...jobs.map((j) => j.split("/").at(-1)!)])].sort();
}
