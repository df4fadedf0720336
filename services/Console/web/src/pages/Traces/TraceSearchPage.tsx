import { useQuery } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { searchTraces, traceOperations, traceServices, type TraceSummary } from "../../api/traces";
import { TimeRangePicker } from "../../components/TimeRangePicker/TimeRangePicker";
import { useUrlTimeRange } from "../../components/TimeRangePicker/useUrlTimeRange";
import { VirtualTable, type Column, type TableSort } from "../../components/VirtualTable/VirtualTable";
import { formatTimestamp, resolveRange } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { formatNs } from "./formatNs";
import { TraceScatter } from "./TraceScatter";
import { useUrlDraft } from "./useUrlDraft";
import "./Traces.css";

/** The form's fields, as the URL keeps them (trace-service's own parameter names). */
const fields = ["service", "operation", "tags", "minDuration", "maxDuration"] as const;
type Field = (typeof fields)[number];
const limits = [20, 100, 500, 1000];
const sortKeys = new Set(["start", "duration", "spans"]);

const columns: ReadonlyArray<Column<TraceSummary>> = [
  {
    key: "root",
    header: "Root",
    width: "30%",
    render: (t) => (
      <Link to={`/traces/${t.traceId}`}>
        {t.rootService}: {t.rootOperation}
      </Link>
    ),
  },
  { key: "start", header: "Start", width: "17%", render: (t) => formatTimestamp(t.startNs / 1e6), sortValue: (t) => t.startNs },
  { key: "duration", header: "Duration", width: "10%", render: (t) => formatNs(t.durationNs), sortValue: (t) => t.durationNs },
  { key: "spans", header: "Spans", width: "8%", render: (t) => t.spanCount, sortValue: (t) => t.spanCount },
  {
    key: "errors",
    header: "Errors",
    width: "8%",
    render: (t) => (t.errorCount > 0 ? <span className="badge bad">{t.errorCount}</span> : <span className="muted">0</span>),
  },
  { key: "services", header: "Services", render: (t) => t.services.join(", ") },
];

/**
 * Trace search: service, operation (the service's own), tags, duration range and time range, all in the URL; a scatter of
 * duration over time and a virtualised list sortable by start, duration and span count (`sort`, `desc` in the URL).
 */
export function TraceSearchPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { range, setRange, back, canGoBack } = useUrlTimeRange();
  const resolved = resolveRange(range);
  const applied = Object.fromEntries(fields.map((f) => [f, params.get(f) ?? ""])) as Record<Field, string>;
  const [draft, setDraft] = useUrlDraft(applied);
  const limit = Number(params.get("limit") ?? 100);
  const sortKey = params.get("sort");
  const sort: TableSort = sortKey && sortKeys.has(sortKey) ? { key: sortKey, descending: params.get("desc") === "true" } : null;

  const services = useQuery({ queryKey: ["traces", "services"], queryFn: ({ signal }) => traceServices(signal) });
  const operations = useQuery({
    queryKey: ["traces", "operations", draft.service],
    queryFn: ({ signal }) => traceOperations(draft.service, signal),
    enabled: draft.service !== "",
  });
  const search = useQuery({
    queryKey: ["traces", "search", applied, limit, range.from, range.to],
    queryFn: ({ signal }) => {
      if (!resolved.ok) throw new Error(resolved.error);
      return searchTraces({ ...applied, start: resolved.range.start, end: resolved.range.end, limit }, signal);
    },
    enabled: resolved.ok,
  });

  const write = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write((next) => {
      for (const f of fields) {
        const value = draft[f].trim();
        if (value) next.set(f, value);
        else next.delete(f);
      }
    });
  };
  const set = (field: Field, value: string) => setDraft((d) => ({ ...d, [field]: value, ...(field === "service" ? { operation: "" } : {}) }));
  const changeSort = (next: TableSort) =>
    write((p) => {
      if (next) {
        p.set("sort", next.key);
        p.set("desc", String(next.descending));
      } else {
        p.delete("sort");
        p.delete("desc");
      }
    });

  const traces = search.data?.traces ?? [];
  return (
    <section className="page traces-page">
      <div className="page-header">
        <h1>Traces</h1>
        <div className="toolbar">
          <Link to={`/traces/bottlenecks${applied.service ? `?service=${encodeURIComponent(applied.service)}` : ""}`}>Bottlenecks</Link>
          <TimeRangePicker range={range} onChange={setRange} onBack={back} canGoBack={canGoBack} />
        </div>
      </div>
      <form className="toolbar trace-search-form" onSubmit={submit} aria-label="Trace search">
        <label>
          Service
          <select value={draft.service} onChange={(e) => set("service", e.target.value)}>
            <option value="">Any service</option>
            {(services.data ?? []).map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Operation
          <select value={draft.operation} onChange={(e) => set("operation", e.target.value)} disabled={!draft.service}>
            <option value="">Any operation</option>
            {(operations.data ?? []).map((o) => (
              <option key={o} value={o}>{o}</option>
            ))}
          </select>
        </label>
        <label>
          Tags
          <input value={draft.tags} size={28} placeholder="http.status_code=500 env=prod" onChange={(e) => set("tags", e.target.value)} />
        </label>
        <label>
          Min duration
          <input value={draft.minDuration} size={7} placeholder="100ms" onChange={(e) => set("minDuration", e.target.value)} />
        </label>
        <label>
          Max duration
          <input value={draft.maxDuration} size={7} placeholder="5s" onChange={(e) => set("maxDuration", e.target.value)} />
        </label>
        <label>
          Limit
          <select value={limit} onChange={(e) => write((p) => p.set("limit", e.target.value))}>
            {limits.map((l) => (
              <option key={l} value={l}>{l}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">Find traces</button>
      </form>
      {services.isError && <ErrorMessage error={services.error} context="Could not list the services" />}
      {!resolved.ok && <ErrorMessage error={new Error(resolved.error)} context="Time range" />}
      {search.isError && <ErrorMessage error={search.error} context="Trace search" />}
      {search.isPending && resolved.ok && <p className="loading">Searching…</p>}
      {search.data && (
        <>
          <TraceScatter traces={traces} onOpen={(id) => navigate(`/traces/${id}`)} />
          <VirtualTable
            caption={`${traces.length} traces${traces.length === search.data.limit ? " (the limit; narrow the search for more)" : ""}`}
            rows={traces}
            columns={columns}
            rowKey={(t) => t.traceId}
            sort={sort}
            onSortChange={changeSort}
            height={440}
            emptyText="No trace matches in this time range."
          />
        </>
      )}
    </section>
  );
}
