import type { Attributes, Span } from "../../api/traces";
import { formatTimestamp } from "../../lib/timeRange";
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

/** One span whole: timing, status, attributes, resource, events and links (each link to its trace). */
export function SpanDetail({ span, criticalNs, traceStartNs }: { span: Span; criticalNs: number | undefined; traceStartNs: number }) {
  return (
    <section className="card span-detail" aria-label="Span detail">
      <h2>
        {span.service}: {span.name}
      </h2>
      <dl className="facts">
        <dt>Span id</dt><dd className="mono">{span.spanId}</dd>
        <dt>Kind</dt><dd>{span.kind}</dd>
        <dt>Start</dt><dd>{formatTimestamp(span.startNs / 1e6)} (+{formatNs(span.startNs - traceStartNs)})</dd>
        <dt>Duration</dt><dd>{formatNs(span.durationNs)}</dd>
        <dt>Critical path</dt><dd>{criticalNs ? formatNs(criticalNs) : "not on it"}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`badge ${span.status === "error" ? "bad" : span.status === "ok" ? "ok" : "warn"}`}>{span.status}</span>
          {span.statusMessage && <> {span.statusMessage}</>}
        </dd>
        {span.skewNs !== 0 && (<><dt>Clock skew</dt><dd>moved {formatNs(span.skewNs)}</dd></>)}
      </dl>
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
    </section>
  );
}
