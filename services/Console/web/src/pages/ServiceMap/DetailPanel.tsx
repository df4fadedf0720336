import { Link } from "react-router";
import type { Measures } from "../../api/serviceMap";
import { logsLink, serviceLogQuery, traceLink, tracesLink } from "../../lib/signalLinks";
import type { ResolvedRange } from "../../lib/timeRange";
import { changeText, toneLabel } from "./describeElement";
import { formatMs, formatPercent, formatRate } from "./mapFormat";
import type { MapEdge, MapModel, MapNode } from "./mapModel";
import { RedCharts } from "./RedCharts";
import { edgeScope, nodeScope } from "./redQueries";
import type { Selection } from "./selection";

const rows: Array<[string, (m: Measures) => string]> = [
  ["Calls", (m) => m.calls.toLocaleString()],
  ["Calls/s", (m) => formatRate(m.callsPerSecond)],
  ["Error rate", (m) => formatPercent(m.errorRate)],
  ["p50", (m) => formatMs(m.p50Ms)],
  ["p95", (m) => formatMs(m.p95Ms)],
  ["p99", (m) => formatMs(m.p99Ms)],
];

function MeasuresTable({ el, comparing }: { el: MapNode | MapEdge; comparing: boolean }) {
  const cell = (m: Measures | null, read: (m: Measures) => string) => (m ? read(m) : "—");
  return (
    <table className="map-measures" aria-label="Measures">
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">This window</th>
          {comparing && <th scope="col">Compared window</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, read]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{cell(el.measures, read)}</td>
            {comparing && <td>{cell(el.baseline, read)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface DetailPanelProps {
  model: MapModel;
  selection: Selection;
  range: ResolvedRange;
  onClose(): void;
}

/** The selected node's or edge's measures (both windows when comparing), its RED charts and links to its traces and logs. */
export function DetailPanel({ model, selection, range, onClose }: DetailPanelProps) {
  const node = selection.kind === "node" ? model.nodes.find((n) => n.id === selection.name) : undefined;
  const edge = selection.kind === "edge" ? model.edges.find((e) => e.from === selection.from && e.to === selection.to) : undefined;
  const el = node ?? edge;
  const title = selection.kind === "node" ? selection.name : `${selection.from} → ${selection.to}`;
  if (!el) {
    return (
      <aside className="map-detail card" aria-label={`Details of ${title}`}>
        <h2>{title}</h2>
        <p className="muted">Not in this window's graph.</p>
        <button type="button" onClick={onClose}>Close</button>
      </aside>
    );
  }
  const kindOf = (name: string) => model.nodes.find((n) => n.id === name)?.kind ?? "service";
  const callers = node ? model.edges.filter((e) => e.to === node.id).map((e) => e.from) : [];
  const scope = node ? nodeScope(node.id, node.kind, callers) : edgeScope(edge!.from, edge!.to);
  // The traces to search: a service's own (an edge's callee when it is one); for a peer without spans, its first caller's.
  const tracedService = node
    ? node.kind === "service" ? node.id : callers[0]
    : kindOf(edge!.to) === "service" ? edge!.to : edge!.from;
  const exemplar = (el.measures ?? el.baseline)?.exemplarTraceId;
  return (
    <aside className="map-detail card" aria-label={`Details of ${title}`}>
      <div className="map-detail-header">
        <h2>{title}</h2>
        <button type="button" onClick={onClose} aria-label="Close details">Close</button>
      </div>
      <p className="muted">
        {node ? `${node.kind}` : `call into a ${kindOf(edge!.to)}`}
        {model.comparing && el.tone !== "none" ? ` · ${toneLabel(el.tone)}` : ""}
      </p>
      {model.comparing && el.change?.change === "compared" && <p>Change: {changeText(el)}</p>}
      <MeasuresTable el={el} comparing={model.comparing} />
      <ul className="map-links">
        {tracedService && (
          <li>
            <Link to={tracesLink({ service: tracedService, start: range.start, end: range.end })}>Search traces of {tracedService}</Link>
          </li>
        )}
        {tracedService && (
          <li>
            <Link to={logsLink(serviceLogQuery(tracedService), range.start, range.end)}>Logs of {tracedService}</Link>
          </li>
        )}
        {exemplar && (
          <li>
            <Link to={traceLink(exemplar)}>An example trace</Link>
          </li>
        )}
      </ul>
      {scope ? <RedCharts scope={scope} range={range} /> : <p className="muted">No spans measure this node: nothing calls it in this window.</p>}
    </aside>
  );
}
