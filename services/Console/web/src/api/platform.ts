import { getJson } from "./client";

/** GET /api/apps: each app's health and its sidecar's, as the console sees them. */
export interface AppHealth {
  appId: string;
  health: "Healthy" | "Degraded" | "Unhealthy" | "Unreachable";
  sidecar: "Healthy" | "Unreachable";
  detail: string | null;
}

/** An alert as Alertmanager's API v2 lists it (alert-service speaks it). */
export interface AlertmanagerAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  status: { state: "active" | "suppressed" | "unprocessed"; silencedBy: string[]; inhibitedBy: string[] };
}

/** alert-service's GET /api/v1/incidents entries. */
export interface IncidentSummary {
  id: string;
  groupKey: string;
  title: string;
  status: "triggered" | "acknowledged" | "resolved";
  triggeredAt: string;
  rootCause: string | null;
}

export const platformKeys = {
  apps: ["apps"] as const,
  firing: ["alerts", "firing"] as const,
  incidents: ["incidents"] as const,
};

export const listApps = (signal?: AbortSignal) => getJson<AppHealth[]>("/api/apps", { signal });
/** Active alerts only: neither silenced nor inhibited. */
export const listFiringAlerts = (signal?: AbortSignal) =>
  getJson<AlertmanagerAlert[]>("/api/alerts/api/v2/alerts?active=true&silenced=false&inhibited=false", { signal });
export const listIncidents = (signal?: AbortSignal) => getJson<IncidentSummary[]>("/api/alerts/api/v1/incidents", { signal });
