import type { Matcher } from "../lib/matchers";
import { apiFetch, getJson, queryString, sendJson } from "./client";
import type { AlertmanagerAlert } from "./platform";

const v2 = "/api/alerts/api/v2";
const v1 = "/api/alerts/api/v1";

/** API v2 gettableAlert as alert-service writes it (services/AlertService/Apis/Models/GettableAlert.cs). */
export interface GettableAlert extends AlertmanagerAlert {
  receivers: { name: string }[];
  updatedAt: string;
  generatorURL: string;
}

/** API v2 alertGroup: the route's group labels, its receiver, its alerts. */
export interface AlertGroup {
  labels: Record<string, string>;
  receiver: { name: string };
  alerts: GettableAlert[];
}

export interface GroupsQuery {
  filter: string;
  silenced: boolean;
  inhibited: boolean;
}

export interface Silence {
  id: string;
  status: { state: "active" | "pending" | "expired" };
  updatedAt: string;
  matchers: Matcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

export interface PostableSilence {
  id?: string;
  matchers: Matcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

export const alertKeys = {
  groups: (q: GroupsQuery) => ["alerts", "groups", q] as const,
  all: ["alerts", "all"] as const,
  silences: ["alerts", "silences"] as const,
  silence: (id: string) => ["alerts", "silences", id] as const,
};

/** The groups as Alertmanager's UI asks for them: active always, silenced and inhibited on request. */
export function listAlertGroups(q: GroupsQuery, signal?: AbortSignal): Promise<AlertGroup[]> {
  const search = queryString({ filter: q.filter.trim() ? [q.filter] : undefined, active: "true", silenced: String(q.silenced), inhibited: String(q.inhibited) });
  return getJson<AlertGroup[]>(`${v2}/alerts/groups${search}`, { signal });
}

/** Every current alert, whatever its state (the silence preview judges them all). */
export const listAllAlerts = (signal?: AbortSignal) => getJson<GettableAlert[]>(`${v2}/alerts`, { signal });

export const listSilences = (signal?: AbortSignal) => getJson<Silence[]>(`${v2}/silences`, { signal });
export const getSilence = (id: string, signal?: AbortSignal) => getJson<Silence>(`${v2}/silence/${encodeURIComponent(id)}`, { signal });
export const saveSilence = (silence: PostableSilence) => sendJson<{ silenceID: string }>("POST", `${v2}/silences`, silence);
export const expireSilence = (id: string) => sendJson<void>("DELETE", `${v2}/silence/${encodeURIComponent(id)}`);

// ---- Rules (services/AlertService/Rules: RuleDocument, RuleViews; Apis/RulesApi.cs, PromRulesApi.cs)

/** A native rule as stored; `expr` (PromQL) and `condition` (the tree of leaves) are alternatives. */
export interface RuleDocument {
  name?: string | null;
  severity?: string | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  for?: string | null;
  keepFiringFor?: string | null;
  evaluationInterval?: string | null;
  noData?: string | null;
  condition?: unknown;
  expr?: string | null;
}

export interface RuleView {
  id: string;
  rule: RuleDocument;
  streaming: boolean;
}

export interface RuleState {
  ruleId: string;
  phase: "inactive" | "pending" | "firing";
  health: "unknown" | "ok" | "no_data" | "failed";
  pendingSince: string | null;
  firingSince: string | null;
  keepFiringSince: string | null;
  lastValue: number | null;
  lastEvaluatedAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
}

/** Prometheus's /api/v1/rules over the rule files alert-service evaluates. */
export interface PromRule {
  name: string;
  query: string;
  type: "alerting" | "recording";
  state?: "inactive" | "pending" | "firing";
  duration?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  alerts?: { labels: Record<string, string>; state: string; activeAt: string; value: string }[];
  health: string;
  lastError?: string;
  evaluationTime: number;
  lastEvaluation: string;
}

export interface PromRuleGroup {
  name: string;
  file: string;
  interval: number;
  rules: PromRule[];
  evaluationTime: number;
  lastEvaluation: string;
}

export const ruleKeys = {
  native: ["rules", "native"] as const,
  state: (id: string) => ["rules", "state", id] as const,
  rule: (id: string) => ["rules", id] as const,
  prometheus: ["rules", "prometheus"] as const,
};

export const listRules = (signal?: AbortSignal) => getJson<RuleView[]>(`${v1}/rules/native`, { signal });
export const getRuleState = (id: string, signal?: AbortSignal) => getJson<RuleState>(`${v1}/rules/${encodeURIComponent(id)}/state`, { signal });

/** The rule and its ETag, which PUT and DELETE send back as If-Match. */
export async function getRule(id: string, signal?: AbortSignal): Promise<{ view: RuleView; etag: string | null }> {
  const response = await apiFetch(`${v1}/rules/${encodeURIComponent(id)}`, {}, { signal });
  return { view: (await response.json()) as RuleView, etag: response.headers.get("ETag") };
}

export const createRule = (rule: RuleDocument) => sendJson<RuleView>("POST", `${v1}/rules`, rule);

export function updateRule(id: string, rule: RuleDocument, etag: string | null): Promise<RuleView> {
  return sendJson<RuleView>("PUT", `${v1}/rules/${encodeURIComponent(id)}`, rule, { headers: etag ? { "If-Match": etag } : {} });
}

export async function deleteRule(id: string, etag?: string | null): Promise<void> {
  await apiFetch(`${v1}/rules/${encodeURIComponent(id)}`, { method: "DELETE" }, { headers: etag ? { "If-Match": etag } : {} });
}

export async function listPrometheusRules(signal?: AbortSignal): Promise<PromRuleGroup[]> {
  const envelope = await getJson<{ data: { groups: PromRuleGroup[] } }>(`${v1}/rules`, { signal });
  return envelope.data?.groups ?? [];
}

// ---- Incidents and notifications (services/AlertService/Incidents, Notifications)

export type IncidentStatus = "triggered" | "acknowledged" | "resolved";

export interface IncidentListEntry {
  id: string;
  groupKey: string;
  title: string;
  status: IncidentStatus;
  triggeredAt: string;
  rootCause: string | null;
  policyName?: string | null;
  groups?: string[] | null;
}

/** GET /api/v1/incidents/{id}: the incident itself (Incidents/Incident.cs); `groups` are its member groups here. */
export interface IncidentDetail extends Omit<IncidentListEntry, "groups"> {
  nextStep: number;
  nextStepAt: string | null;
  retryTargets: string[];
  retryAt: string | null;
  services: string[];
  timeline: { at: string; kind: string; detail: string }[];
  groups: { groupKey: string; name: string; joinedAt: string; resolved: boolean }[];
}

export interface NotificationRecord {
  id: string;
  at: string;
  receiver: string;
  channel: string;
  groupKey: string;
  status: string;
  alertCount: number;
  outcome: "sent" | "failed" | "gave-up" | string;
  error: string | null;
  integration: string | null;
  attempt: number;
}

export const incidentKeys = {
  list: (status: string) => ["incidents", status] as const,
  one: (id: string) => ["incidents", "one", id] as const,
};

export const listIncidentsBy = (status: IncidentStatus | "", signal?: AbortSignal) =>
  getJson<IncidentListEntry[]>(`${v1}/incidents${queryString({ status: status || undefined })}`, { signal });
export const getIncident = (id: string, signal?: AbortSignal) => getJson<IncidentDetail>(`${v1}/incidents/${encodeURIComponent(id)}`, { signal });
export const acknowledgeIncident = (id: string) => sendJson<IncidentDetail>("POST", `${v1}/incidents/${encodeURIComponent(id)}/ack`);
export const resolveIncident = (id: string) => sendJson<IncidentDetail>("POST", `${v1}/incidents/${encodeURIComponent(id)}/resolve`);

export const listNotifications = (q: { limit: number; receiver?: string }, signal?: AbortSignal) =>
  getJson<NotificationRecord[]>(`${v1}/notifications${queryString({ limit: q.limit, receiver: q.receiver || undefined })}`, { signal });
