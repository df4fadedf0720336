import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { alertKeys, expireSilence, listSilences, type Silence } from "../../api/alerts";
import { canWriteAlerts } from "../../api/permissions";
import { formatMatchers, matchesAll, parseMatchers } from "../../lib/matchers";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import { FilterInput } from "./FilterInput";
import "./Alerts.css";

const states = ["active", "pending", "expired"] as const;
type State = (typeof states)[number];

function SilenceRow({ silence, canWrite }: { silence: Silence; canWrite: boolean }) {
  const client = useQueryClient();
  const expire = useMutation({ mutationFn: () => expireSilence(silence.id), onSuccess: () => void client.invalidateQueries({ queryKey: alertKeys.silences }) });
  const text = formatMatchers(silence.matchers);
  return (
    <tr>
      <td><Link to={`/alerts/silences/${encodeURIComponent(silence.id)}`} aria-label={`Silence ${text}`}><code>{text}</code></Link></td>
      <td><time dateTime={silence.startsAt}>{formatTimestamp(Date.parse(silence.startsAt))}</time></td>
      <td><time dateTime={silence.endsAt}>{formatTimestamp(Date.parse(silence.endsAt))}</time></td>
      <td>{silence.createdBy}</td>
      <td>{silence.comment}</td>
      <td>
        {canWrite && silence.status.state !== "expired" && (
          <button type="button" onClick={() => expire.mutate()} disabled={expire.isPending} aria-label={`Expire ${text}`}>Expire</button>
        )}
        {expire.isError && <ErrorMessage error={expire.error} context="Not expired" />}
      </td>
    </tr>
  );
}

/** Alerts › Silences: active, pending and expired silences (state and matcher filter in the URL), expire, edit. */
export function SilencesPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const state = (states as readonly string[]).includes(params.get("state") ?? "") ? (params.get("state") as State) : "active";
  const filter = params.get("filter") ?? "";
  const silences = useQuery({ queryKey: alertKeys.silences, queryFn: ({ signal }) => listSilences(signal), refetchInterval: 30_000 });
  const filterMatchers = parseMatchers(filter).matchers ?? [];
  // A silence passes the filter when its equality matchers carry the filtered labels (Alertmanager's UI does the same).
  const passes = (s: Silence) => matchesAll(filterMatchers, Object.fromEntries(s.matchers.filter((m) => !m.isRegex && m.isEqual).map((m) => [m.name, m.value])));
  const all = (silences.data ?? []).filter(passes);
  const shown = all.filter((s) => s.status.state === state).sort((a, b) => a.endsAt.localeCompare(b.endsAt));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const canWrite = canWriteAlerts(session);
  return (
    <section className="page">
      <div className="page-header">
        <h1>Silences</h1>
        {canWrite && <Link className="button primary" to="/alerts/silences/new">New silence</Link>}
      </div>
      <FilterInput value={filter} onApply={(f) => set("filter", f)} />
      <div className="tabs" role="group" aria-label="Silence state">
        {states.map((s) => (
          <button key={s} type="button" aria-pressed={s === state} onClick={() => set("state", s === "active" ? "" : s)}>
            {s[0]!.toUpperCase() + s.slice(1)} ({all.filter((x) => x.status.state === s).length})
          </button>
        ))}
      </div>
      {silences.isError && <ErrorMessage error={silences.error} context="Could not read the silences" />}
      {silences.isPending && <p className="loading">Loading…</p>}
      {silences.data && shown.length === 0 && <p className="muted">No {state} silences.</p>}
      {shown.length > 0 && (
        <table className="data" aria-label={`${state} silences`}>
          <thead>
            <tr><th scope="col">Matchers</th><th scope="col">Starts</th><th scope="col">Ends</th><th scope="col">Created by</th><th scope="col">Comment</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {shown.map((s) => <SilenceRow key={s.id} silence={s} canWrite={canWrite} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}
