import { useQuery, useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";
import { queryRange } from "../../api/metrics";
import { isAdmin } from "../../api/session";
import { listApps, listFiringAlerts, listIncidents, platformKeys, type AlertmanagerAlert, type AppHealth } from "../../api/platform";
import { alignMatrix, lastValue, type ChartData } from "../../components/TimeSeriesChart/chartData";
import { TimeSeriesChart } from "../../components/TimeSeriesChart/TimeSeriesChart";
import { formatTimestamp } from "../../lib/timeRange";
import { formatValue } from "../../lib/units";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import { explorerLink } from "../Metrics/explorerState";
import { ingestSignals } from "./ingestQueries";
import "./OverviewPage.css";

const refreshMs = 30_000;
const hour = 3_600_000;
const stepSeconds = 60;

function badge(state: string) {
  const tone = state === "Healthy" ? "ok" : state === "Degraded" ? "warn" : "bad";
  return <span className={`badge ${tone}`}>{state}</span>;
}

function AppsCard() {
  const session = useSession();
  const apps = useQuery({ queryKey: platformKeys.apps, queryFn: ({ signal }) => listApps(signal), refetchInterval: refreshMs });
  const name = (app: AppHealth) => (isAdmin(session) ? <Link to={`/dapr?app=${encodeURIComponent(app.appId)}`}>{app.appId}</Link> : app.appId);
  return (
    <section className="card overview-card" aria-labelledby="apps-heading">
      <h2 id="apps-heading">Apps</h2>
      {apps.isError && <ErrorMessage error={apps.error} context="Could not read the apps' health" />}
      {apps.isPending && <p className="loading">Loading…</p>}
      {apps.data && (
        <table className="data">
          <thead>
            <tr><th scope="col">App</th><th scope="col">App health</th><th scope="col">Sidecar</th><th scope="col">Detail</th></tr>
          </thead>
          <tbody>
            {apps.data.map((app) => (
              <tr key={app.appId}>
                <td>{name(app)}</td>
                <td>{badge(app.health)}</td>
                <td>{badge(app.sidecar)}</td>
                <td className="muted">{app.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function IngestCard() {
  const results = useQueries({
    queries: ingestSignals.map(({ expr }) => ({
      queryKey: ["overview-ingest", expr],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        // Whole minutes, so the three signals' samples share one time axis.
        const end = Math.floor(Date.now() / 60_000) * 60_000;
        return { answer: await queryRange(expr, end - hour, end, stepSeconds, signal), start: end - hour, end };
      },
      refetchInterval: refreshMs,
    })),
  });
  const chart: ChartData = useMemo(() => {
    const window = results.find((r) => r.data)?.data ?? { start: Date.now() - hour, end: Date.now() };
    const matrices = results.map((r, i) => ({
      series: r.data?.answer.data.resultType === "matrix" ? r.data.answer.data.result : [],
      legend: ingestSignals[i]!.signal,
    }));
    const aligned = alignMatrix(matrices, window.start, window.end, stepSeconds);
    // A signal with no traffic has no series at all; it still gets its line (at no data) and its legend entry.
    const series = ingestSignals.map(({ signal }) => aligned.series.find((s) => s.label === signal) ?? { key: signal, label: signal, values: aligned.times.map(() => null) });
    return { times: aligned.times, series };
  }, [results]);
  const errors = results.map((r, i) => ({ error: r.error, signal: ingestSignals[i]!.signal })).filter((e) => e.error != null);

  return (
    <section className="card overview-card" aria-labelledby="ingest-heading">
      <h2 id="ingest-heading">Ingest (requests/s, last hour)</h2>
      {errors.map((e) => (
        <ErrorMessage key={e.signal} error={e.error} context={`Ingest rate of ${e.signal}`} />
      ))}
      <ul className="ingest-values">
        {ingestSignals.map(({ signal, expr }, i) => (
          <li key={signal}>
            <Link to={explorerLink([expr], { from: "now-1h", to: "now" })} title={`${signal} ingest rate in the metrics explorer`}>
              <span className="ingest-signal">{signal}</span>
              <span className="ingest-rate">{results[i]?.data ? formatValue(lastValue(chart.series[i]!.values) ?? 0, "reqps") : "…"}</span>
            </Link>
          </li>
        ))}
      </ul>
      <TimeSeriesChart data={chart} title="Ingest rate per signal" unit="reqps" height={160} />
    </section>
  );
}

const severityRank: Record<string, number> = { critical: 0, error: 1, warning: 2, info: 3 };

function alertFilter(alert: AlertmanagerAlert): string {
  return `{alertname="${(alert.labels.alertname ?? "").replace(/"/g, '\\"')}"}`;
}

function AlertsCard() {
  const alerts = useQuery({ queryKey: platformKeys.firing, queryFn: ({ signal }) => listFiringAlerts(signal), refetchInterval: refreshMs });
  const sorted = [...(alerts.data ?? [])].sort(
    (a, b) => (severityRank[a.labels.severity ?? ""] ?? 9) - (severityRank[b.labels.severity ?? ""] ?? 9) || a.startsAt.localeCompare(b.startsAt),
  );
  return (
    <section className="card overview-card" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">
        <Link to="/alerts">Firing alerts</Link> {alerts.data && <span className="count">{alerts.data.length}</span>}
      </h2>
      {alerts.isError && <ErrorMessage error={alerts.error} context="Could not read the alerts" />}
      {alerts.isPending && <p className="loading">Loading…</p>}
      {alerts.data?.length === 0 && <p className="muted">Nothing is firing.</p>}
      <ul className="overview-list">
        {sorted.slice(0, 10).map((alert) => (
          <li key={alert.fingerprint}>
            <Link to={`/alerts?filter=${encodeURIComponent(alertFilter(alert))}`}>{alert.labels.alertname ?? alert.fingerprint}</Link>
            {alert.labels.severity && <span className="badge bad">{alert.labels.severity}</span>}
            <span className="muted">{alert.annotations.summary ?? Object.entries(alert.labels).filter(([k]) => k !== "alertname" && k !== "severity").map(([k, v]) => `${k}=${v}`).join(", ")}</span>
            <span className="muted">since {formatTimestamp(Date.parse(alert.startsAt))}</span>
          </li>
        ))}
      </ul>
      {sorted.length > 10 && <Link to="/alerts">All {sorted.length} firing alerts</Link>}
    </section>
  );
}

function IncidentsCard() {
  const incidents = useQuery({ queryKey: platformKeys.incidents, queryFn: ({ signal }) => listIncidents(signal), refetchInterval: refreshMs });
  const open = (incidents.data ?? []).filter((i) => i.status !== "resolved").sort((a, b) => b.triggeredAt.localeCompare(a.triggeredAt));
  return (
    <section className="card overview-card" aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">
        <Link to="/alerts/incidents">Open incidents</Link> {incidents.data && <span className="count">{open.length}</span>}
      </h2>
      {incidents.isError && <ErrorMessage error={incidents.error} context="Could not read the incidents" />}
      {incidents.isPending && <p className="loading">Loading…</p>}
      {incidents.data && open.length === 0 && <p className="muted">No open incidents.</p>}
      <ul className="overview-list">
        {open.slice(0, 10).map((incident) => (
          <li key={incident.id}>
            <Link to={`/alerts/incidents/${encodeURIComponent(incident.id)}`}>{incident.title}</Link>
            <span className={`badge ${incident.status === "triggered" ? "bad" : "warn"}`}>{incident.status}</span>
            <span className="muted">since {formatTimestamp(Date.parse(incident.triggeredAt))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The platform at a glance: each app and its sidecar, ingest per signal, what is firing, what is open. */
export function OverviewPage() {
  return (
    <section className="page">
      <h1>Overview</h1>
      <div className="overview-grid">
        <AppsCard />
        <IngestCard />
        <AlertsCard />
        <IncidentsCard />
      </div>
    </section>
  );
}
