import type { Dashboard } from "../api/dashboards";

export function dashboardFixture(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    id: "svc",
    title: "Services",
    tags: ["airis"],
    version: 3,
    updated: "2024-05-01T10:00:00Z",
    time: { from: "now-6h", to: "now" },
    refresh: null,
    variables: [
      { name: "job", label: "Job", type: "query", query: "label_values(job)", multi: true, includeAll: true, current: ["$__all"] },
      { name: "instance", label: null, type: "query", query: 'label_values(up{job=~"$job"}, instance)', multi: false, includeAll: false, current: [] },
    ],
    panels: [
      {
        id: 1,
        title: "Request rate",
        type: "timeseries",
        grid: { x: 0, y: 0, w: 12, h: 8 },
        queries: [{ refId: "A", expr: 'sum by (job) (rate(http_server_request_duration_seconds_count{job=~"$job"}[$__rate_interval]))', legend: "{{job}}" }],
        unit: "reqps",
        decimals: null,
        thresholds: [],
      },
      {
        id: 2,
        title: "Up",
        type: "stat",
        grid: { x: 12, y: 0, w: 6, h: 4 },
        queries: [{ refId: "A", expr: 'up{instance="$instance"}', legend: null }],
        unit: null,
        decimals: 0,
        thresholds: [{ value: 0, color: "red" }, { value: 1, color: "green" }],
      },
      {
        id: 3,
        title: "Targets",
        type: "table",
        grid: { x: 12, y: 4, w: 12, h: 4 },
        queries: [{ refId: "A", expr: 'up{job=~"$job"}', legend: null }],
        unit: null,
        decimals: null,
        thresholds: [],
      },
    ],
    ...overrides,
  };
}
