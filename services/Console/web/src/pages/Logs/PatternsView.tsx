import { useQuery } from "@tanstack/react-query";
import { logPatterns, type LogFilter, type LogPattern } from "../../api/logs";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { levelColors, levels } from "./logsState";
import { Sparkline } from "./Sparkline";

/**
 * The mined templates of the matching records (a Lucene query's or a LogQL log query's): count, counts over time, first
 * and last seen (the records' own times), levels; click one to narrow the records to it.
 */
export function PatternsView({ filter, onPick }: { filter: LogFilter; onPick(pattern: LogPattern): void }) {
  const patterns = useQuery({
    queryKey: ["logs", "patterns", filter.q, filter.logql, filter.start, filter.end],
    queryFn: ({ signal }) => logPatterns(filter, signal),
  });
  if (patterns.isPending) return <p className="loading">Loading patterns…</p>;
  if (patterns.error) return <ErrorMessage error={patterns.error} context="Patterns" />;
  const total = patterns.data.reduce((sum, p) => sum + p.count, 0);
  return (
    <div className="log-patterns">
      <table className="data">
        <caption>
          {patterns.data.length} patterns over {total} records
        </caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Count</th>
            <th scope="col">Over time</th>
            <th scope="col">Levels</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {patterns.data.map((p) => (
            <tr key={p.id}>
              <td>
                <button type="button" className="link pattern-template" title="Show the records of this pattern" onClick={() => onPick(p)}>
                  {p.template ?? p.sample ?? p.id}
                </button>
              </td>
              <td className="numeric">{p.count}</td>
              <td>
                <Sparkline counts={p.counts} startMs={filter.start} bucketMs={p.bucketNs / 1e6} label={`${p.count} records over the range, peak ${Math.max(0, ...p.counts)} per interval`} />
              </td>
              <td>
                <span className="level-bar" role="img" aria-label={Object.entries(p.byLevel).map(([l, n]) => `${l} ${n}`).join(", ")}>
                  {levels
                    .filter((l) => (p.byLevel[l] ?? 0) > 0)
                    .map((l) => (
                      <span key={l} style={{ flexGrow: p.byLevel[l], background: levelColors[l] }} title={`${l}: ${p.byLevel[l]}`} />
                    ))}
                </span>
              </td>
              <td>{p.firstSeen ? formatTimestamp(Date.parse(p.firstSeen)) : "—"}</td>
              <td>{p.lastSeen ? formatTimestamp(Date.parse(p.lastSeen)) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
