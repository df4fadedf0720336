import { useQueries } from "@tanstack/react-query";
import { Link } from "react-router";
import { exemplarTraceId, queryExemplars } from "../../api/exemplars";
import type { ChartData } from "../../components/TimeSeriesChart/chartData";
import { around, serviceOfLabels, traceLink, tracesLink } from "../../lib/signalLinks";
import { formatTimestamp } from "../../lib/timeRange";

const maxLinks = 12;

/**
 * From a picked point of the explorer's chart to traces: the exemplars the queries' series carry near that time
 * (each a trace), and the traces search of each shown series' service (its `service_name`, `service` or `job`
 * label) over the point's step on either side (at least a minute).
 */
export function PointTraces({ chart, index, stepSeconds, queries, onClose }: { chart: ChartData; index: number; stepSeconds: number; queries: string[]; onClose(): void }) {
  const at = (chart.times[index] ?? 0) * 1000;
  const { start, end } = around(at, Math.max(stepSeconds * 1000, 60_000));
  const services = [...new Set(chart.series.flatMap((s) => (s.values[index] != null ? [serviceOfLabels(s.labels)] : [])).filter((s): s is string => !!s))];
  const exemplars = useQueries({
    queries: queries.map((expr) => ({
      queryKey: ["exemplars", expr, start, end],
      queryFn: ({ signal }: { signal: AbortSignal }) => queryExemplars(expr, start, end, signal),
      retry: false,
    })),
  });
  const traces = exemplars
    .flatMap((r) => r.data ?? [])
    .flatMap((s) => s.exemplars.map((e) => ({ traceId: exemplarTraceId(e.labels), service: serviceOfLabels(s.seriesLabels), time: e.timestamp * 1000 })))
    .filter((e): e is { traceId: string; service: string | undefined; time: number } => !!e.traceId)
    .slice(0, maxLinks);
  return (
    <section className="card point-traces" aria-label="Traces at the picked point">
      <div className="point-traces-header">
        <h2>Traces around {formatTimestamp(at)}</h2>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      {traces.length > 0 && (
        <ul aria-label="Exemplar traces">
          {traces.map((t) => (
            <li key={t.traceId}>
              <Link to={traceLink(t.traceId)}>Trace {t.traceId.slice(0, 16)}</Link>
              <span className="muted"> {t.service ?? ""} at {formatTimestamp(t.time)}</span>
            </li>
          ))}
        </ul>
      )}
      {services.length > 0 ? (
        <ul aria-label="Traces by service">
          {services.slice(0, maxLinks).map((service) => (
            <li key={service}>
              <Link to={tracesLink({ service, start, end })}>Traces of {service}</Link>
            </li>
          ))}
        </ul>
      ) : (
        traces.length === 0 && <p className="muted">No series here names a service (service_name, service or job label), and no exemplars.</p>
      )}
    </section>
  );
}
