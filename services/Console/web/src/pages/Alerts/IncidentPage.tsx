import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { acknowledgeIncident, getIncident, incidentKeys, resolveIncident, type IncidentDetail } from "../../api/alerts";
import { canWriteAlerts } from "../../api/permissions";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import { statusTone } from "./incidentStatus";
import { incidentService, InvestigateLinks } from "./InvestigateLinks";
import "./Alerts.css";

const at = (time: string) => <time dateTime={time}>{formatTimestamp(Date.parse(time))}</time>;

function Actions({ incident }: { incident: IncidentDetail }) {
  const client = useQueryClient();
  const changed = (updated: IncidentDetail) => {
    client.setQueryData(incidentKeys.one(incident.id), updated);
    void client.invalidateQueries({ queryKey: ["incidents"] });
  };
  const ack = useMutation({ mutationFn: () => acknowledgeIncident(incident.id), onSuccess: changed });
  const resolve = useMutation({ mutationFn: () => resolveIncident(incident.id), onSuccess: changed });
  return (
    <div className="toolbar">
      {incident.status === "triggered" && (
        <button type="button" className="primary" onClick={() => ack.mutate()} disabled={ack.isPending}>Acknowledge</button>
      )}
      {incident.status !== "resolved" && (
        <button type="button" onClick={() => resolve.mutate()} disabled={resolve.isPending}>Resolve</button>
      )}
      {ack.isError && <ErrorMessage error={ack.error} context="Not acknowledged" />}
      {resolve.isError && <ErrorMessage error={resolve.error} context="Not resolved" />}
    </div>
  );
}

/** One incident: its groups, escalation, and timeline; acknowledge (stops escalation) and resolve. */
export function IncidentPage() {
  const session = useSession();
  const { id = "" } = useParams();
  const incident = useQuery({ queryKey: incidentKeys.one(id), queryFn: ({ signal }) => getIncident(id, signal), refetchInterval: 15_000 });
  const data = incident.data;
  const service = data ? incidentService(data.rootCause, data.services) : undefined;
  return (
    <section className="page">
      <div className="page-header">
        <h1>{data?.title ?? "Incident"}</h1>
        <Link to="/alerts/incidents">All incidents</Link>
      </div>
      {incident.isError && <ErrorMessage error={incident.error} context="Could not read the incident" />}
      {incident.isPending && <p className="loading">Loading…</p>}
      {data && (
        <>
          <dl className="annotations card">
            <dt>Status</dt><dd><span className={`badge ${statusTone(data.status)}`}>{data.status}</span></dd>
            <dt>Triggered</dt><dd>{at(data.triggeredAt)}</dd>
            <dt>Escalation policy</dt><dd>{data.policyName ?? ""}</dd>
            {data.nextStepAt && (<><dt>Next escalation</dt><dd>step {data.nextStep + 1} at {at(data.nextStepAt)}</dd></>)}
            {data.retryTargets.length > 0 && (<><dt>Retrying</dt><dd>{data.retryTargets.join(", ")}{data.retryAt ? <> at {at(data.retryAt)}</> : null}</dd></>)}
            {data.services.length > 0 && (<><dt>Services</dt><dd>{data.services.join(", ")}</dd></>)}
            {data.rootCause && (<><dt>Root cause</dt><dd>{data.rootCause}</dd></>)}
            {service && (<><dt>Investigate</dt><dd><InvestigateLinks service={service} at={Date.parse(data.triggeredAt)} /></dd></>)}
          </dl>
          {canWriteAlerts(session) && <Actions incident={data} />}
          <h2>Alert groups</h2>
          <ul>
            {data.groups.map((g) => (
              <li key={g.groupKey}>
                {g.name} <span className="muted">joined {formatTimestamp(Date.parse(g.joinedAt))}</span>{" "}
                <span className={`badge ${g.resolved ? "ok" : "bad"}`}>{g.resolved ? "resolved" : "firing"}</span>
              </li>
            ))}
          </ul>
          <h2>Timeline</h2>
          <ol className="timeline" aria-label="Timeline">
            {data.timeline.map((entry, i) => (
              <li key={i}>
                {at(entry.at)} <strong>{entry.kind}</strong> <span>{entry.detail}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
