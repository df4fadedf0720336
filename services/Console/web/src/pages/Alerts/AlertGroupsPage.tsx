import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { alertKeys, listAlertGroups, type GettableAlert } from "../../api/alerts";
import { canWriteAlerts } from "../../api/permissions";
import { serviceOfLabels } from "../../lib/signalLinks";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import { AlertLabels } from "./AlertLabels";
import { groupAlerts, parseGroupBy } from "./alertGrouping";
import { FilterInput } from "./FilterInput";
import { InvestigateLinks } from "./InvestigateLinks";
import { silenceLink } from "./silenceLink";
import "./Alerts.css";

const refreshMs = 30_000;

function AlertItem({ alert, onPick, canSilence }: { alert: GettableAlert; onPick: (name: string, value: string) => void; canSilence: boolean }) {
  const name = alert.labels.alertname ?? alert.fingerprint;
  const { silencedBy, inhibitedBy } = alert.status;
  const service = serviceOfLabels(alert.labels);
  return (
    <li className={`alert-item ${alert.status.state === "suppressed" ? "suppressed" : ""}`} aria-label={`Alert ${name}`}>
      <div className="alert-meta">
        <time dateTime={alert.startsAt}>{formatTimestamp(Date.parse(alert.startsAt))}</time>
        <span className={`badge ${alert.status.state === "active" ? "bad" : "warn"}`}>{alert.status.state}</span>
        {silencedBy.map((id) => (
          <Link key={id} to={`/alerts/silences/${encodeURIComponent(id)}`}>silenced by {id.slice(0, 8)}</Link>
        ))}
        {inhibitedBy.length > 0 && <span className="muted">inhibited by {inhibitedBy.length} alert{inhibitedBy.length > 1 ? "s" : ""}</span>}
        {alert.generatorURL && <a href={alert.generatorURL}>Source</a>}
        {service && <InvestigateLinks service={service} at={Date.parse(alert.startsAt)} subject={name} />}
        {canSilence && (
          <Link className="button" to={silenceLink(alert.labels)} aria-label={`Silence ${name}`}>
            Silence
          </Link>
        )}
      </div>
      <AlertLabels labels={alert.labels} onPick={onPick} label={`Labels of ${name}`} />
      {Object.keys(alert.annotations).length > 0 && (
        <dl className="annotations">
          {Object.entries(alert.annotations).map(([key, value]) => (
            <div key={key} style={{ display: "contents" }}>
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/**
 * Alerts › Groups, as Alertmanager's UI shows them: the route's groups (or the alerts regrouped by chosen labels),
 * filtered by matchers, silenced and inhibited alerts on request. URL: filter, group, silenced=1, inhibited=1.
 */
export function AlertGroupsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter = params.get("filter") ?? "";
  const groupBy = parseGroupBy(params.get("group") ?? "");
  const silenced = params.get("silenced") === "1";
  const inhibited = params.get("inhibited") === "1";
  const [groupText, setGroupText] = useState(groupBy.join(", "));
  const query = { filter, silenced, inhibited };
  const groups = useQuery({ queryKey: alertKeys.groups(query), queryFn: ({ signal }) => listAlertGroups(query, signal), refetchInterval: refreshMs });
  const shown = useMemo(() => groupAlerts(groups.data ?? [], groupBy), [groups.data, groupBy.join(",")]);

  const update = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const pick = (name: string, value: string) => {
    const current = filter.trim().replace(/^\{|\}$/g, "").trim();
    const added = `${name}=${JSON.stringify(value)}`;
    update({ filter: `{${current ? `${current}, ` : ""}${added}}` });
  };
  const canSilence = canWriteAlerts(session);
  const total = shown.reduce((n, g) => n + g.alerts.length, 0);

  return (
    <section className="page">
      <div className="page-header">
        <h1>Alert groups</h1>
        {canSilence && <Link className="button" to="/alerts/silences/new">New silence</Link>}
      </div>
      <div className="toolbar">
        <FilterInput value={filter} onApply={(f) => update({ filter: f })} />
        <form className="toolbar" onSubmit={(e) => { e.preventDefault(); update({ group: parseGroupBy(groupText).join(",") }); }}>
          <label>
            Group by labels
            <input value={groupText} onChange={(e) => setGroupText(e.target.value)} placeholder="alertname, severity" />
          </label>
          <button type="submit">Group</button>
        </form>
        <label className="inline">
          <input type="checkbox" checked={silenced} onChange={(e) => update({ silenced: e.target.checked ? "1" : undefined })} />
          Show silenced
        </label>
        <label className="inline">
          <input type="checkbox" checked={inhibited} onChange={(e) => update({ inhibited: e.target.checked ? "1" : undefined })} />
          Show inhibited
        </label>
      </div>
      {groups.isError && <ErrorMessage error={groups.error} context="Could not read the alert groups" />}
      {groups.isPending && <p className="loading">Loading…</p>}
      {groups.data && (
        <p className="muted" aria-live="polite">
          {total} alert{total === 1 ? "" : "s"} in {shown.length} group{shown.length === 1 ? "" : "s"}
        </p>
      )}
      {shown.map((group) => {
        const title = Object.keys(group.labels).length > 0 ? Object.entries(group.labels).map(([k, v]) => `${k}="${v}"`).join(", ") : "Not grouped";
        return (
          <section key={group.key} className="card alert-group" aria-label={`Group ${title}`}>
            <header>
              <h2>{title}</h2>
              {group.receiver && <span className="muted">receiver: {group.receiver}</span>}
              <span className="badge">{group.alerts.length}</span>
            </header>
            <ul className="alert-list">
              {group.alerts.map((alert) => (
                <AlertItem key={alert.fingerprint} alert={alert} onPick={pick} canSilence={canSilence} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
