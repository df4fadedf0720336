import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { listDapr, type DaprMetadata } from "../../api/dapr";
import { isAdmin } from "../../api/session";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";

function Section({ title, empty, children, count }: { title: string; empty: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <h2>{title} <span className="muted">({count})</span></h2>
      {count === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

function AppMetadata({ metadata }: { metadata: DaprMetadata }) {
  const components = [...(metadata.components ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const subscriptions = metadata.subscriptions ?? [];
  // daprd lists active actors at the top level and (newer) under actorRuntime; either is the same count.
  const actors = metadata.actorRuntime?.activeActors ?? metadata.actors ?? [];
  const app = metadata.appConnectionProperties;
  return (
    <>
      <dl className="annotations card" aria-label="Runtime">
        <dt>Runtime version</dt><dd>{metadata.runtimeVersion ?? "unknown"}</dd>
        <dt>Enabled features</dt><dd>{metadata.enabledFeatures?.length ? metadata.enabledFeatures.join(", ") : "none"}</dd>
        {metadata.actorRuntime?.runtimeStatus && (<><dt>Actor runtime</dt><dd>{metadata.actorRuntime.runtimeStatus}{metadata.actorRuntime.hostReady === false ? " (host not ready)" : ""}{metadata.actorRuntime.placement ? ` · ${metadata.actorRuntime.placement}` : ""}</dd></>)}
        {metadata.httpEndpoints?.length ? (<><dt>HTTP endpoints</dt><dd>{metadata.httpEndpoints.map((e) => e.name).join(", ")}</dd></>) : null}
      </dl>
      <Section title="App connection" count={app ? 1 : 0} empty="The sidecar reports no app connection.">
        <dl className="annotations card">
          <dt>Port</dt><dd>{app?.port ?? "none"}</dd>
          <dt>Protocol</dt><dd>{app?.protocol ?? ""}</dd>
          <dt>Channel address</dt><dd>{app?.channelAddress ?? ""}</dd>
          <dt>Max concurrency</dt><dd>{app?.maxConcurrency ?? "unlimited"}</dd>
          <dt>Health checks</dt>
          <dd>
            {app?.health
              ? `${app.health.healthCheckPath ?? ""} every ${app.health.healthProbeInterval ?? "?"}, timeout ${app.health.healthProbeTimeout ?? "?"}, unhealthy after ${app.health.healthThreshold ?? "?"} failures`
              : "off"}
          </dd>
        </dl>
      </Section>
      <Section title="Components" count={components.length} empty="No components are loaded.">
        <table className="data" aria-label="Components">
          <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Version</th><th scope="col">Capabilities</th></tr></thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.name}><th scope="row">{c.name}</th><td>{c.type}</td><td>{c.version ?? ""}</td><td>{(c.capabilities ?? []).join(", ")}</td></tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Subscriptions" count={subscriptions.length} empty="No subscriptions.">
        <table className="data" aria-label="Subscriptions">
          <thead><tr><th scope="col">Topic</th><th scope="col">Pub/sub</th><th scope="col">Routes</th><th scope="col">Dead-letter topic</th><th scope="col">Type</th></tr></thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr key={`${s.pubsubname}/${s.topic}`}>
                <th scope="row">{s.topic}</th>
                <td>{s.pubsubname}</td>
                <td>
                  <ul className="label-chips">
                    {(s.rules ?? []).map((r, i) => (
                      <li key={i}><code>{r.match ? `${r.match} → ` : "default → "}{r.path ?? ""}</code></li>
                    ))}
                  </ul>
                </td>
                <td>{s.deadLetterTopic || <span className="muted">none</span>}</td>
                <td>{s.type ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Actors" count={actors.length} empty="This app hosts no actor types.">
        <table className="data" aria-label="Actors">
          <thead><tr><th scope="col">Actor type</th><th scope="col">Active</th></tr></thead>
          <tbody>
            {actors.map((a) => <tr key={a.type}><th scope="row">{a.type}</th><td>{a.count}</td></tr>)}
          </tbody>
        </table>
      </Section>
    </>
  );
}

/** Dapr: each app's sidecar as the archived Dapr dashboard showed it (admin). URL: `?app=`. */
export function DaprPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const dapr = useQuery({ queryKey: ["dapr"], queryFn: ({ signal }) => listDapr(signal), enabled: isAdmin(session), refetchInterval: 30_000 });
  if (!isAdmin(session)) {
    return (
      <section className="page">
        <h1>Dapr</h1>
        <p>The Dapr screen needs the admin role.</p>
      </section>
    );
  }
  const entries = dapr.data ?? [];
  const selected = entries.find((e) => e.appId === params.get("app")) ?? entries[0];
  return (
    <section className="page">
      <h1>Dapr</h1>
      {dapr.isError && <ErrorMessage error={dapr.error} context="Could not read the sidecars" />}
      {dapr.isPending && <p className="loading">Loading…</p>}
      {entries.length > 0 && (
        <table className="data" aria-label="Apps">
          <thead><tr><th scope="col">App</th><th scope="col">Runtime</th><th scope="col">Components</th><th scope="col">Subscriptions</th><th scope="col">Active actors</th><th scope="col">Sidecar</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.appId} aria-current={e === selected ? "true" : undefined}>
                <th scope="row"><Link to={`/dapr?app=${encodeURIComponent(e.appId)}`}>{e.appId}</Link></th>
                <td>{e.metadata?.runtimeVersion ?? ""}</td>
                <td>{e.metadata?.components?.length ?? ""}</td>
                <td>{e.metadata?.subscriptions?.length ?? ""}</td>
                <td>{e.metadata ? (e.metadata.actorRuntime?.activeActors ?? e.metadata.actors ?? []).reduce((n, a) => n + a.count, 0) : ""}</td>
                <td>{e.error ? <span className="badge bad">unreadable</span> : <span className="badge ok">ok</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <section aria-labelledby="dapr-app-heading">
          <h2 id="dapr-app-heading">{selected.appId}</h2>
          {selected.error && <ErrorMessage error={new Error(selected.error)} context={`The sidecar of ${selected.appId}`} />}
          {selected.metadata && <AppMetadata metadata={selected.metadata} />}
        </section>
      )}
    </section>
  );
}
