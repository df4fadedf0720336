import type { AlertGroup, GettableAlert } from "../../api/alerts";

/** Alerts as alert-service answers GET /api/v2/alerts (Apis/Models/GettableAlert.cs). */
export function alert(fingerprint: string, labels: Record<string, string>, extra: Partial<GettableAlert> = {}): GettableAlert {
  return {
    fingerprint,
    labels,
    annotations: {},
    startsAt: "2024-05-01T10:00:00Z",
    endsAt: "2024-05-01T10:05:00Z",
    updatedAt: "2024-05-01T10:01:00Z",
    generatorURL: "",
    receivers: [{ name: "oncall" }],
    status: { state: "active", silencedBy: [], inhibitedBy: [] },
    ...extra,
  };
}

export const down = alert("a1", { alertname: "ServiceDown", severity: "critical", service: "trace-service" }, {
  annotations: { summary: "trace-service is down", description: "No scrape for 5m" },
  startsAt: "2024-05-01T11:00:00Z",
  generatorURL: "http://airis/metrics?q=up",
});
export const latency = alert("a2", { alertname: "HighLatency", severity: "warning", service: "api" });
export const latencyWeb = alert("a3", { alertname: "HighLatency", severity: "warning", service: "web" }, {
  status: { state: "suppressed", silencedBy: ["5f0c1d2e-aaaa-bbbb-cccc-000000000001"], inhibitedBy: [] },
});

/** GET /api/v2/alerts/groups: grouped by the route's group_by (alertname here). */
export const groups: AlertGroup[] = [
  { labels: { alertname: "ServiceDown" }, receiver: { name: "oncall" }, alerts: [down] },
  { labels: { alertname: "HighLatency" }, receiver: { name: "oncall" }, alerts: [latency, latencyWeb] },
];
