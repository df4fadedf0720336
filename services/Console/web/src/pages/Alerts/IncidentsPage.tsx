import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { incidentKeys, listIncidentsBy, type IncidentStatus } from "../../api/alerts";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { statusTone } from "./incidentStatus";
import "./Alerts.css";

const views = [
  { value: "open", label: "Open", statuses: ["triggered", "acknowledged"] },
  { value: "triggered", label: "Triggered", statuses: ["triggered"] },
  { value: "acknowledged", label: "Acknowledged", statuses: ["acknowledged"] },
  { value: "resolved", label: "Resolved", statuses: ["resolved"] },
] as const satisfies ReadonlyArray<{ value: string; label: string; statuses: readonly IncidentStatus[] }>;

/** Alerts › Incidents: open (triggered or acknowledged), acknowledged, resolved; the view in the URL (`?status=`). */
export function IncidentsPage() {
  const [params, setParams] = useSearchParams();
  const view = views.find((v) => v.value === params.get("status")) ?? views[0];
  const incidents = useQuery({ queryKey: incidentKeys.list(""), queryFn: ({ signal }) => listIncidentsBy("", signal), refetchInterval: 30_000 });
  const count = (statuses: readonly IncidentStatus[]) => (incidents.data ?? []).filter((i) => statuses.includes(i.status)).length;
  const shown = (incidents.data ?? []).filter((i) => (view.statuses as readonly IncidentStatus[]).includes(i.status)).sort((a, b) => b.triggeredAt.localeCompare(a.triggeredAt));
  return (
    <section className="page">
      <h1>Incidents</h1>
      <div className="tabs" role="group" aria-label="Incident status">
        {views.map((v) => (
          <button key={v.value} type="button" aria-pressed={v === view} onClick={() => setParams(v.value === "open" ? {} : { status: v.value })}>
            {v.label} ({count(v.statuses)})
          </button>
        ))}
      </div>
      {incidents.isError && <ErrorMessage error={incidents.error} context="Could not list the incidents" />}
      {incidents.isPending && <p className="loading">Loading…</p>}
      {incidents.data && shown.length === 0 && <p className="muted">No {view.label.toLowerCase()} incidents.</p>}
      {shown.length > 0 && (
        <table className="data" aria-label={`${view.label} incidents`}>
          <thead>
            <tr><th scope="col">Incident</th><th scope="col">Status</th><th scope="col">Triggered</th><th scope="col">Alert groups</th><th scope="col">Policy</th><th scope="col">Root cause</th></tr>
          </thead>
          <tbody>
            {shown.map((incident) => (
              <tr key={incident.id}>
                <th scope="row"><Link to={`/alerts/incidents/${encodeURIComponent(incident.id)}`}>{incident.title}</Link></th>
                <td><span className={`badge ${statusTone(incident.status)}`}>{incident.status}</span></td>
                <td><time dateTime={incident.triggeredAt}>{formatTimestamp(Date.parse(incident.triggeredAt))}</time></td>
                <td>{incident.groups?.length ?? 1}</td>
                <td>{incident.policyName ?? ""}</td>
                <td>{incident.rootCause ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
