import { useQuery } from "@tanstack/react-query";
import { getSpan, type Attributes, type Span, type SpanOutline } from "../../api/traces";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { formatNs } from "./formatNs";

function AttributeTable({ caption, attributes }: { caption: string; attributes: Attributes }) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return <p className="muted">No {caption.toLowerCase()}.</p>;
  return (
    <table className="data compact">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {entries.map(([key, attribute]) => (
          <tr key={key}>
            <th scope="row" className="mono">{key}</th>
            <td className="mono">{String(attribute.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface SpanDetailProps {
  traceId: string;
  /** What the waterfall knows of the span: shown at once. */
  outline: SpanOutline;
  traceStartNs: number;
}

/**
 * One span whole: timing, status and critical time from the outline at once, then its attributes, resource, events and
 * links (each link to its trace), fetched when the span is chosen.
 */
export function SpanDetail({ traceId, outline, traceStartNs }: SpanDetailProps) {
  const full = useQuery({
    queryKey: ["traces", "span", traceId, outline.spanId],
    queryFn: ({ signal }) => getSpan(traceId, outline.spanId, signal),
    staleTime: 60_000,
  });
  const span = full.data;
  return (
    <section className="card span-detail" aria-label="Span detail">
      <h2>
        {outline.service}: {outline.name}
      </h2>
      <dl className="facts">
        <dt>Span id</dt><dd className="mono">{outline.spanId}</dd>
        <dt>Kind</dt><dd>{outline.kind}</dd>
        <dt>Start</dt><dd>{formatTimestamp(outline.startNs / 1e6)} (+{formatNs(outline.startNs - traceStartNs)})</dd>
        <dt>Duration</dt><dd>{formatNs(outline.durationNs)}</dd>
        <dt>Critical path</dt><dd>{outline.criticalNs ? formatNs(outline.criticalNs) : "not on it"}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`badge ${outline.status === "error" ? "bad" : outline.status === "ok" ? "ok" : "warn"}`}>{outline.status}</span>
          {span?.statusMessage && <> {span.statusMessage}</>}
        </dd>
        {outline.skewNs !== 0 && (<><dt>Clock skew</dt><dd>moved {formatNs(outline.skewNs)}</dd></>)}
      </dl>
      {full.isError ? (
        <ErrorMessage error={full.error} context="Could not load the span" />
      ) : span ? (
        <SpanFields span={span} />
      ) : (
        <p className="loading">Loading attributes, resource, events and links…</p>
      )}
    </section>
  );
}

function SpanFields({ span }: { span: Span }) {
  return (
    <>
      <h3>Attributes</h3>
      <AttributeTable caption="Attributes" attributes={span.attributes} />
      <h3>Resource</h3>
      <AttributeTable caption="Resource" attributes={span.resource} />
      <h3>Events</h3>
      {span.events.length === 0 ? (
        <p className="muted">No events.</p>
      ) : (
        <ul className="plain">
          {span.events.map((e, i) => (
            <li key={i}>
              <strong>{e.name}</strong> <span className="muted">+{formatNs(e.timeNs - span.startNs)}</span>
              <AttributeTable caption={`${e.name} attributes`} attributes={e.attributes} />
            </li>
          ))}
        </ul>
      )}
      <h3>Links</h3>
      {span.links.length === 0 ? (
        <p className="muted">No links.</p>
      ) : (
        <ul className="plain">
          {span.links.map((l) => (
            <li key={`${l.traceId}/${l.spanId}`}>
              <a href={`/traces/${l.traceId}?span=${l.spanId}`} className="mono">{l.traceId} / {l.spanId}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
