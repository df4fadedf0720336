import { getJson, sendJson } from "./client";

/** The console's dashboard model (issue 14's contract; services/Console/Dashboards on the server). */
export type PanelType = "timeseries" | "stat" | "table";

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PanelQuery {
  refId: string;
  expr: string;
  legend: string | null;
}

export interface Threshold {
  value: number;
  color: string;
}

export interface Panel {
  id: number;
  title: string;
  type: PanelType;
  grid: GridPos;
  queries: PanelQuery[];
  unit: string | null;
  decimals: number | null;
  thresholds: Threshold[];
}

export type VariableType = "query" | "custom" | "interval";

export interface DashboardVariable {
  name: string;
  label: string | null;
  type: VariableType;
  query: string;
  multi: boolean;
  includeAll: boolean;
  /** Selected values; ["$__all"] is All. */
  current: string[];
}

export interface Dashboard {
  id: string;
  title: string;
  tags: string[];
  version: number;
  updated: string;
  time: { from: string; to: string };
  refresh: string | null;
  variables: DashboardVariable[];
  panels: Panel[];
}

export interface DashboardSummary {
  id: string;
  title: string;
  tags: string[];
  updated: string;
}

export interface UnmappedItem {
  path: string;
  reason: string;
}

export interface ImportResult {
  dashboard: Dashboard;
  unmapped: UnmappedItem[];
}

export const allValue = "$__all";
const base = "/api/dashboards";

export const dashboardKeys = {
  list: ["dashboards"] as const,
  one: (id: string) => ["dashboards", id] as const,
};

export const listDashboards = (signal?: AbortSignal) => getJson<DashboardSummary[]>(base, { signal });
export const getDashboard = (id: string, signal?: AbortSignal) => getJson<Dashboard>(`${base}/${encodeURIComponent(id)}`, { signal });
export const createDashboard = (dashboard: Omit<Dashboard, "id" | "version" | "updated"> & Partial<Dashboard>) => sendJson<Dashboard>("POST", base, dashboard);
/** Sends the version the change was based on; a 409 means someone saved in between. */
export const updateDashboard = (dashboard: Dashboard) => sendJson<Dashboard>("PUT", `${base}/${encodeURIComponent(dashboard.id)}`, dashboard);
export const deleteDashboard = (id: string) => sendJson<void>("DELETE", `${base}/${encodeURIComponent(id)}`);
/** A preview: nothing is stored until the dashboard is created. */
export const importGrafana = (grafanaJson: unknown) => sendJson<ImportResult>("POST", `${base}/import`, grafanaJson);

/** Changing dashboards needs alerts:write (an editor), as the API's policies say. */
export const canEditDashboards = (permissions: readonly string[]) => permissions.includes("alerts:write") || permissions.includes("admin");
