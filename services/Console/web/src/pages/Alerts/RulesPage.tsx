import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { deleteRule, getRuleState, listPrometheusRules, listRules, ruleKeys, type PromRuleGroup, type RuleState, type RuleView } from "../../api/alerts";
import { canWriteAlerts } from "../../api/permissions";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import "./Alerts.css";

const never = (time: string | null | undefined) => !time || time.startsWith("0001-01-01");
const when = (time: string | null | undefined) => (never(time) ? "never" : formatTimestamp(Date.parse(time!)));
const tone = (state: string) => (state === "firing" || state === "failed" || state === "err" ? "bad" : state === "pending" || state === "no_data" ? "warn" : "ok");

function NativeRuleRow({ rule, state, canWrite }: { rule: RuleView; state: { data?: RuleState; error: unknown }; canWrite: boolean }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({ mutationFn: () => deleteRule(rule.id), onSuccess: () => void client.invalidateQueries({ queryKey: ruleKeys.native }) });
  const name = rule.rule.name ?? rule.id;
  const s = state.data;
  return (
    <tr>
      <th scope="row"><Link to={`/alerts/rules/${encodeURIComponent(rule.id)}`}>{name}</Link></th>
      <td>{rule.rule.severity}</td>
      <td>{s ? <span className={`badge ${tone(s.phase)}`}>{s.phase}</span> : state.error ? "?" : "…"}</td>
      <td>{s && <span className={`badge ${tone(s.health)}`}>{s.health}</span>}</td>
      <td>{s ? when(s.lastEvaluatedAt) : ""}</td>
      <td>
        {s?.lastError && <span className="field-error">{s.lastError}{s.consecutiveFailures > 1 ? ` (${s.consecutiveFailures} times in a row)` : ""}</span>}
        {state.error != null && <ErrorMessage error={state.error} context="State unknown" />}
      </td>
      <td><code>{rule.rule.expr ?? "condition"}</code>{rule.streaming && <span className="muted"> · also on ingest</span>}</td>
      <td>
        {canWrite && (confirming ? (
          <button type="button" onClick={() => remove.mutate()} aria-label={`Confirm deleting ${name}`}>Confirm</button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete ${name}`}>Delete</button>
        ))}
        {remove.isError && <ErrorMessage error={remove.error} context="Not deleted" />}
      </td>
    </tr>
  );
}

function PrometheusGroups({ groups, search }: { groups: PromRuleGroup[]; search: string }) {
  return (
    <>
      {groups.map((group) => {
        const rules = group.rules.filter((r) => r.name.toLowerCase().includes(search));
        if (rules.length === 0) return null;
        return (
          <section key={`${group.file}/${group.name}`} className="card alert-group" aria-label={`Rule group ${group.name}`}>
            <header>
              <h3 style={{ margin: 0 }}>{group.name}</h3>
              <span className="muted">{group.file} · every {group.interval}s · last evaluated {when(group.lastEvaluation)}</span>
            </header>
            <table className="data">
              <thead>
                <tr><th scope="col">Rule</th><th scope="col">State</th><th scope="col">Health</th><th scope="col">Last evaluation</th><th scope="col">Error</th><th scope="col">Query</th></tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <tr key={r.name}>
                    <th scope="row">{r.name}{r.type === "recording" && <span className="muted"> (recording)</span>}</th>
                    <td>{r.state && <span className={`badge ${tone(r.state)}`}>{r.state}{r.alerts?.length ? ` (${r.alerts.length})` : ""}</span>}</td>
                    <td><span className={`badge ${tone(r.health)}`}>{r.health}</span></td>
                    <td>{when(r.lastEvaluation)}</td>
                    <td>{r.lastError && <span className="field-error">{r.lastError}</span>}</td>
                    <td><code>{r.query}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}

/** Alerts › Rules: alert-service's native rules with each one's state, and the Prometheus rule files' groups. */
export function RulesPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const search = (params.get("q") ?? "").toLowerCase();
  const native = useQuery({ queryKey: ruleKeys.native, queryFn: ({ signal }) => listRules(signal), refetchInterval: 30_000 });
  const prometheus = useQuery({ queryKey: ruleKeys.prometheus, queryFn: ({ signal }) => listPrometheusRules(signal), refetchInterval: 30_000 });
  const rules = (native.data ?? []).filter((r) => (r.rule.name ?? r.id).toLowerCase().includes(search)).sort((a, b) => (a.rule.name ?? "").localeCompare(b.rule.name ?? ""));
  const states = useQueries({
    queries: rules.map((r) => ({ queryKey: ruleKeys.state(r.id), queryFn: ({ signal }: { signal: AbortSignal }) => getRuleState(r.id, signal), refetchInterval: 30_000 })),
  });
  const canWrite = canWriteAlerts(session);
  return (
    <section className="page">
      <div className="page-header">
        <h1>Rules</h1>
        {canWrite && <Link className="button primary" to="/alerts/rules/new">New rule</Link>}
      </div>
      <label>
        Search rules
        <input type="search" value={params.get("q") ?? ""} onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })} />
      </label>
      <h2>Alerting rules</h2>
      {native.isError && <ErrorMessage error={native.error} context="Could not list the rules" />}
      {native.isPending && <p className="loading">Loading…</p>}
      {native.data && rules.length === 0 && <p className="muted">No rules{search ? " match" : " yet"}.</p>}
      {rules.length > 0 && (
        <table className="data" aria-label="Alerting rules">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Severity</th><th scope="col">State</th><th scope="col">Health</th><th scope="col">Last evaluation</th><th scope="col">Error</th><th scope="col">Expression</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {rules.map((r, i) => <NativeRuleRow key={r.id} rule={r} state={{ data: states[i]?.data, error: states[i]?.error ?? null }} canWrite={canWrite} />)}
          </tbody>
        </table>
      )}
      <h2>Prometheus rule files</h2>
      {prometheus.isError && <ErrorMessage error={prometheus.error} context="Could not read the Prometheus rules" />}
      {prometheus.data?.length === 0 && <p className="muted">No rule files are loaded.</p>}
      {prometheus.data && <PrometheusGroups groups={prometheus.data} search={search} />}
    </section>
  );
}
