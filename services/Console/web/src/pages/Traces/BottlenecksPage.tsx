import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { getBottlenecks, traceServices, type Bottleneck, type BottleneckChange } from "../../api/traces";
import { parseDuration } from "../../lib/duration";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { formatNs } from "./formatNs";
import "./Traces.css";

const ranges = ["15m", "1h", "3h", "6h"];
/** trace-service reads both windows whole, so it refuses windows over six hours (Apis/BottleneckParameters.cs). */
const maxRangeMs = 6 * 3_600_000;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function Change({ change }: { change: BottleneckChange }) {
  if (change.isNew) return <span className="badge warn">new</span>;
  const points = change.shareChange * 100;
  const tone = points > 0.5 ? "bad" : points < -0.5 ? "ok" : "";
  const rank = change.rankBefore !== null && change.rankAfter !== null ? change.rankBefore - change.rankAfter : 0;
  return (
    <span className={tone ? `change ${tone}` : "change"}>
      {points >= 0 ? "+" : "−"}{Math.abs(points).toFixed(1)} pp
      {rank !== 0 && <span className="muted"> (rank {rank > 0 ? `↑${rank}` : `↓${-rank}`})</span>}
      <span className="muted"> · {change.meanCriticalChangeNs >= 0 ? "+" : "−"}{formatNs(Math.abs(change.meanCriticalChangeNs))}/trace</span>
    </span>
  );
}

function searchLink(b: { service: string; operation: string }) {
  return `/traces?service=${encodeURIComponent(b.service)}&operation=${encodeURIComponent(b.operation)}`;
}

/**
 * Bottlenecks: trace-service's operations ranked by their share of critical-path time in the window's traces, each with
 * its change against the previous window of the same length. URL: `service`, `range` (a window ending now).
 */
export function BottlenecksPage() {
  const [params, setParams] = useSearchParams();
  const service = params.get("service") ?? "";
  const rangeText = params.get("range") ?? "1h";
  const rangeMs = parseDuration(rangeText);
  const valid = rangeMs !== undefined && rangeMs >= 60_000 && rangeMs <= maxRangeMs;
  const services = useQuery({ queryKey: ["traces", "services"], queryFn: ({ signal }) => traceServices(signal) });
  const report = useQuery({
    queryKey: ["traces", "bottlenecks", service, rangeText],
    queryFn: ({ signal }) => {
      const end = Math.floor(Date.now() / 1000) * 1000;
      return getBottlenecks(service, end - rangeMs!, end, signal);
    },
    enabled: valid,
  });
  const write = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const data = report.data;
  return (
    <section className="page bottlenecks-page">
      <div className="page-header">
        <h1>Bottlenecks</h1>
        <Link to={`/traces${service ? `?service=${encodeURIComponent(service)}` : ""}`}>Trace search</Link>
      </div>
      <div className="toolbar">
        <label>
          Service
          <select value={service} onChange={(e) => write("service", e.target.value)}>
            <option value="">Every service</option>
            {(services.data ?? []).map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        <div className="tabs" role="group" aria-label="Window">
          {ranges.map((r) => (
            <button key={r} type="button" aria-pressed={r === rangeText} onClick={() => write("range", r)}>Last {r}</button>
          ))}
        </div>
      </div>
      {!valid && <ErrorMessage error={new Error(`"${rangeText}" is not a window between 1m and 6h.`)} context="Window" />}
      {services.isError && <ErrorMessage error={services.error} context="Could not list the services" />}
      {report.isError && <ErrorMessage error={report.error} context="Bottlenecks" />}
      {report.isPending && valid && <p className="loading">Analysing the window's traces…</p>}
      {data && (
        <>
          <p className="muted">
            {data.window.tracesAnalysed} of {data.window.tracesInWindow} traces from {formatTimestamp(data.window.startNs / 1e6)} (critical path{" "}
            {formatNs(data.window.totalCriticalNs)}), against {data.previous.tracesAnalysed} traces in the previous {rangeText}
            {data.window.sampled && ` (a uniform sample of ${data.maxTraces})`}.
          </p>
          <table className="data" aria-label={`Bottlenecks over the last ${rangeText}`}>
            <thead>
              <tr>
                <th scope="col">Rank</th><th scope="col">Operation</th><th scope="col">Critical-path share</th>
                <th scope="col">Critical / trace</th><th scope="col">Self time</th><th scope="col">Spans</th><th scope="col">Traces</th>
                <th scope="col">Change since the previous window</th>
              </tr>
            </thead>
            <tbody>
              {data.operations.length === 0 && (
                <tr><td colSpan={8} className="muted">No trace in this window.</td></tr>
              )}
              {data.operations.map((b: Bottleneck) => (
                <tr key={`${b.service}\u0000${b.operation}`}>
                  <td>{b.rank}</td>
                  <th scope="row"><Link to={searchLink(b)}>{b.service}: {b.operation}</Link></th>
                  <td>
                    <span className="share-bar" aria-hidden="true"><span style={{ width: percent(b.share) }} /></span> {percent(b.share)}
                  </td>
                  <td>{formatNs(b.meanCriticalNsPerTrace)}</td>
                  <td>{formatNs(b.selfNs)}</td>
                  <td>{b.spans}</td>
                  <td>{b.traces}</td>
                  <td><Change change={b.change} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.gone.length > 0 && (
            <>
              <h2>Gone since the previous window</h2>
              <ul className="plain">
                {data.gone.map((g) => (
                  <li key={`${g.service}\u0000${g.operation}`}>
                    {g.service}: {g.operation} <span className="muted">(was rank {g.rankBefore}, {percent(g.shareBefore ?? 0)})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
