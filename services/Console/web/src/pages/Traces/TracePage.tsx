import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { getTraceOutline } from "../../api/traces";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { segmentsBySpan } from "./criticalPath";
import { FlameGraph } from "./FlameGraph";
import { formatNs } from "./formatNs";
import { serviceColors } from "./serviceColors";
import { SpanDetail } from "./SpanDetail";
import { buildSpanTree, visibleRows } from "./spanTree";
import { TraceLogs } from "./TraceLogs";
import { Waterfall } from "./Waterfall";
import "../../components/VirtualTable/VirtualTable.css";
import "./Traces.css";

/**
 * One trace: the waterfall (collapsible tree, time ruler, bars by service, critical path marked) or the flame graph,
 * filters by service and text, the chosen span's detail, and the trace's logs beside it. URL: `view` (waterfall|flame),
 * `span`, `service` (repeated), `q`, `collapsed` (comma-separated span ids).
 */
export function TracePage() {
  const { traceId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const view = params.get("view") === "flame" ? "flame" : "waterfall";
  const selected = params.get("span");
  const chosenServices = params.getAll("service");
  const text = params.get("q") ?? "";
  const collapsedText = params.get("collapsed") ?? "";
  const [draftText, setDraftText] = useState(text);

  // One compact answer: the spans, the tree and the critical path; a span's attributes, resource, events and links come when it is chosen.
  const trace = useQuery({ queryKey: ["traces", "outline", traceId], queryFn: ({ signal }) => getTraceOutline(traceId, signal), staleTime: 60_000 });

  const tree = useMemo(() => (trace.data ? buildSpanTree(trace.data) : null), [trace.data]);
  const collapsed = useMemo(() => new Set(collapsedText.split(",").filter(Boolean)), [collapsedText]);
  const serviceKey = chosenServices.join(",");
  const filter = useMemo(() => ({ services: new Set(serviceKey.split(",").filter(Boolean)), text }), [serviceKey, text]);
  const rows = useMemo(() => (tree ? visibleRows(tree, collapsed, filter) : []), [tree, collapsed, filter]);
  const spanById = useMemo(() => new Map(trace.data?.spans.map((s) => [s.spanId, s])), [trace.data]);
  const critical = useMemo(() => segmentsBySpan(trace.data?.criticalPath.segments, spanById), [trace.data, spanById]);
  const criticalIds = useMemo(() => new Set(critical.keys()), [critical]);
  const colorOf = useMemo(() => serviceColors(trace.data?.services ?? []), [trace.data]);

  const write = (change: (next: URLSearchParams) => void, replace = false) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next, { replace });
  };
  const select = (spanId: string) => write((p) => p.set("span", spanId), true);
  const toggle = (spanId: string) =>
    write((p) => {
      const next = new Set(collapsed);
      if (next.has(spanId)) next.delete(spanId);
      else next.add(spanId);
      if (next.size > 0) p.set("collapsed", [...next].join(","));
      else p.delete("collapsed");
    });
  const toggleService = (service: string, on: boolean) =>
    write((p) => {
      p.delete("service");
      for (const s of on ? [...chosenServices, service] : chosenServices.filter((x) => x !== service)) p.append("service", s);
    });

  if (trace.isError) {
    return (
      <section className="page">
        <h1>Trace {traceId}</h1>
        <ErrorMessage error={trace.error} context="Could not open the trace" />
        <Link to="/traces">Back to the search</Link>
      </section>
    );
  }
  if (!trace.data || !tree) return <p className="loading">Loading trace…</p>;
  const data = trace.data;
  const root = tree.order[0]?.span;
  const selectedSpan = selected ? spanById.get(selected) : undefined;
  const errors = data.spans.filter((s) => s.status === "error").length;

  return (
    <section className="page trace-page">
      <div className="page-header">
        <h1>
          {root ? `${root.service}: ${root.name}` : "Trace"} <span className="muted mono">{data.traceId}</span>
        </h1>
        <div className="toolbar">
          <div className="tabs" role="group" aria-label="View">
            <button type="button" aria-pressed={view === "waterfall"} onClick={() => write((p) => p.delete("view"))}>Waterfall</button>
            <button type="button" aria-pressed={view === "flame"} onClick={() => write((p) => p.set("view", "flame"))}>Flame graph</button>
          </div>
          <Link to="/traces">Search</Link>
        </div>
      </div>
      <p className="trace-facts">
        {formatTimestamp(data.startNs / 1e6)} · {formatNs(data.durationNs)} · {data.spanCount} spans · {data.services.length} services
        {errors > 0 && <> · <span className="badge bad">{errors} errors</span></>}
        <> · critical path {formatNs(data.criticalPath.totalNs)} over {criticalIds.size} spans</>
      </p>
      <fieldset className="toolbar trace-filters">
        <legend>Filter spans</legend>
        {data.services.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" checked={chosenServices.includes(s)} onChange={(e) => toggleService(s, e.target.checked)} />
            <span className="wf-service-mark" style={{ background: colorOf(s) }} aria-hidden="true" />
            {s}
          </label>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            write((p) => (draftText.trim() ? p.set("q", draftText.trim()) : p.delete("q")), true);
          }}
        >
          <label className="inline">
            Text
            <input type="search" value={draftText} placeholder="name, attribute value…" onChange={(e) => setDraftText(e.target.value)} />
          </label>
        </form>
        <span className="legend-critical" aria-hidden="true" /> <span className="muted">critical path</span>
      </fieldset>
      <div className="trace-layout">
        <div className="trace-main">
          {view === "waterfall" ? (
            <Waterfall tree={tree} rows={rows} critical={critical} colorOf={colorOf} selected={selected} onSelect={select} onToggle={toggle} />
          ) : (
            <FlameGraph tree={tree} colorOf={colorOf} critical={criticalIds} selected={selected} onSelect={select} />
          )}
        </div>
        <aside className="trace-side">
          {selectedSpan ? (
            <SpanDetail key={selectedSpan.spanId} traceId={data.traceId} outline={selectedSpan} traceStartNs={data.startNs} />
          ) : (
            <p className="muted card">Choose a span to see its attributes, resource, events and links.</p>
          )}
          <TraceLogs traceId={data.traceId} startNs={data.startNs} endNs={data.endNs} selected={selected} onSelectSpan={select} />
        </aside>
      </div>
    </section>
  );
}
