import { useQuery } from "@tanstack/react-query";
import { traceLogs } from "../../api/traces";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";

export interface TraceLogsProps {
  traceId: string;
  startNs: number;
  endNs: number;
  selected: string | null;
  onSelectSpan(spanId: string): void;
}

const levelTone: Record<string, string> = { error: "bad", fatal: "bad", warn: "warn" };

/** log-service's records carrying this trace's id, oldest first; a record with a span id selects that span. */
export function TraceLogs({ traceId, startNs, endNs, selected, onSelectSpan }: TraceLogsProps) {
  const logs = useQuery({ queryKey: ["traces", "logs", traceId], queryFn: ({ signal }) => traceLogs(traceId, startNs, endNs, signal) });
  return (
    <section className="card trace-logs" aria-label="Trace logs">
      <h2>Logs {logs.data && <span className="muted">({logs.data.length})</span>}</h2>
      {logs.isPending && <p className="loading">Loading logs…</p>}
      {logs.isError && <ErrorMessage error={logs.error} context="Could not read the trace's logs" />}
      {logs.data?.length === 0 && <p className="muted">No log record carries this trace id.</p>}
      {logs.data && logs.data.length > 0 && (
        <ol className="plain log-lines">
          {logs.data.map((r) => (
            <li key={r.id} className={r.spanId && r.spanId === selected ? "selected" : undefined}>
              <span className="muted">{formatTimestamp(r.timestampNs / 1e6)}</span>{" "}
              <span className={`badge ${levelTone[r.level] ?? "ok"}`}>{r.level}</span> <strong>{r.service}</strong>{" "}
              <span className="mono">{r.message}</span>
              {r.spanId && (
                <>
                  {" "}
                  <button type="button" className="link" onClick={() => onSelectSpan(r.spanId!)}>span {r.spanId}</button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
