import type { AlertGroup, GettableAlert } from "../../api/alerts";

/** A group as the page shows it: the labels it is grouped by, the receiver (route groups only), its alerts. */
export interface ShownGroup {
  key: string;
  labels: Record<string, string>;
  receiver: string | undefined;
  alerts: GettableAlert[];
}

const keyOf = (labels: Record<string, string>) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(",");

/**
 * The route's groups as the service answers them, or, with labels to group by (Alertmanager UI's custom grouping),
 * every distinct alert regrouped by those labels' values (an alert routed to two receivers is shown once). Groups are
 * sorted by their labels; alerts by start, newest first.
 */
export function groupAlerts(groups: readonly AlertGroup[], by: readonly string[]): ShownGroup[] {
  const byStart = (a: GettableAlert, b: GettableAlert) => b.startsAt.localeCompare(a.startsAt);
  if (by.length === 0) {
    return groups
      .map((g) => ({ key: `${g.receiver.name}|${keyOf(g.labels)}`, labels: g.labels, receiver: g.receiver.name, alerts: [...g.alerts].sort(byStart) }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }
  const seen = new Set<string>();
  const regrouped = new Map<string, ShownGroup>();
  for (const alert of groups.flatMap((g) => g.alerts)) {
    if (seen.has(alert.fingerprint)) continue;
    seen.add(alert.fingerprint);
    const labels = Object.fromEntries(by.map((name) => [name, alert.labels[name] ?? ""]));
    const key = keyOf(labels);
    const group = regrouped.get(key) ?? { key, labels, receiver: undefined, alerts: [] };
    group.alerts.push(alert);
    regrouped.set(key, group);
  }
  return [...regrouped.values()].map((g) => ({ ...g, alerts: g.alerts.sort(byStart) })).sort((a, b) => a.key.localeCompare(b.key));
}

/** "alertname, severity" → ["alertname", "severity"]: trimmed, no empties, no repeats. */
export function parseGroupBy(text: string): string[] {
  return [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];
}
