import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { ApiError } from "../../api/ApiError";
import { logFields, logPatterns, type LogPattern } from "../../api/logs";
import { TimeRangePicker } from "../../components/TimeRangePicker/TimeRangePicker";
import { useUrlTimeRange } from "../../components/TimeRangePicker/useUrlTimeRange";
import { resolveRange, type ResolvedRange } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { ContextPanel } from "./ContextPanel";
import { FacetPanel } from "./FacetPanel";
import { LevelHistogram } from "./LevelHistogram";
import { LiveTail } from "./LiveTail";
import { LogQueryBar } from "./LogQueryBar";
import { formatFilter, luceneQuery, patternStage, readLogsState, withFilter, writeLogsState, type FieldFilter, type LogsState } from "./logsState";
import { PatternsView } from "./PatternsView";
import { RecordList } from "./RecordList";
import { useLogsData } from "./useLogsData";
import "./LogsExplorerPage.css";

/**
 * Search log-service in Lucene syntax or LogQL: records over time by level (drag to zoom), facets that filter, the
 * records newest first (expand one into its fields, see its context, open its trace), the mined patterns, and a live
 * tail. Everything a view shows is in the URL.
 */
export function LogsExplorerPage() {
  const [params, setParams] = useSearchParams();
  const state = readLogsState(params);
  const { range, setRange, back, canGoBack } = useUrlTimeRange();
  const [runs, setRuns] = useState(0);
  const checked = useMemo(() => resolveRange(range), [range.from, range.to, runs]);
  const resolved = checked.ok ? checked.range : undefined;
  const extraFacets = params.getAll("facet");
  const data = useLogsData(state, resolved, extraFacets);
  const lucene = state.lang === "lucene";
  const filterQ = luceneQuery(state.q, state.filters);
  // What the patterns view and the tail follow: the Lucene query with its filters, or the LogQL query with its stages.
  const followed = lucene ? filterQ : data.ranQuery;

  const fields = useQuery({
    queryKey: ["logs", "fields", filterQ, resolved?.start, resolved?.end],
    enabled: lucene && resolved !== undefined && !state.live,
    queryFn: ({ signal }) => logFields({ q: filterQ, start: resolved!.start, end: resolved!.end }, signal),
  });
  const patterns = useQuery({
    queryKey: ["logs", "patterns", filterQ, resolved?.start, resolved?.end],
    enabled: lucene && resolved !== undefined && !state.live,
    queryFn: ({ signal }) => logPatterns({ q: filterQ, start: resolved!.start, end: resolved!.end }, signal),
  });
  const patternNames = useMemo(() => new Map((patterns.data ?? []).map((p) => [p.id, p.template ?? p.id])), [patterns.data]);

  const write = (changes: Partial<LogsState>) => setParams((current) => writeLogsState(current, changes));
  const filter = (f: FieldFilter) => write({ filters: withFilter(state.filters, f), open: undefined, view: state.view === "patterns" ? "records" : state.view });
  const removeFilter = (f: FieldFilter) => write({ filters: state.filters.filter((x) => x !== f) });
  // A pattern narrows the records: by its id in Lucene, by its template as a pattern filter stage in LogQL.
  const pickPattern = (p: LogPattern) =>
    lucene || (!p.template && !p.sample)
      ? filter({ field: "pattern_id", value: p.id, exclude: false })
      : write({ q: state.q.trim() + (p.template ? patternStage(p.template) : ` |= ${JSON.stringify(p.sample)}`), open: undefined, view: "records" });
  const logqlReady = lucene || state.q.trim() !== "";
  const zoom = (z: ResolvedRange) => setRange({ from: String(z.start), to: String(z.end) });
  const addFacet = (field: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!next.getAll("facet").includes(field)) next.append("facet", field);
      return next;
    });

  return (
    <section className="page logs-explorer">
      <div className="page-header">
        <h1>Logs</h1>
        <div className="toolbar">
          <div role="radiogroup" aria-label="View" className="segmented">
            {(["records", "patterns"] as const).map((view) => (
              <button key={view} type="button" role="radio" aria-checked={!state.live && state.view === view} disabled={view === "patterns" && !logqlReady} onClick={() => write({ view, live: false })}>
                {view === "records" ? "Records" : "Patterns"}
              </button>
            ))}
          </div>
          <button type="button" aria-pressed={state.live} disabled={!logqlReady} title={logqlReady ? "Follow new records as they arrive" : "Write a LogQL log query to follow"} onClick={() => write({ live: !state.live })}>
            Live tail
          </button>
          <TimeRangePicker range={range} onChange={setRange} onBack={back} canGoBack={canGoBack} />
        </div>
      </div>
      <LogQueryBar
        q={state.q}
        lang={state.lang}
        error={data.error}
        ranQuery={data.ranQuery}
        onRun={(q) => {
          write({ q, open: undefined });
          setRuns((n) => n + 1);
        }}
        onLanguage={(lang) => write({ lang, q: "", filters: [], open: undefined, context: undefined, live: false, view: "records" })}
      />
      {!checked.ok && <p role="alert" className="error-message">{checked.error}</p>}
      {state.filters.length > 0 && (
        <ul className="filter-chips" aria-label="Filters">
          {state.filters.map((f) => (
            <li key={formatFilter(f)}>
              <span>
                {f.exclude ? "not " : ""}
                {f.field}: {f.field === "pattern_id" ? (patternNames.get(f.value) ?? f.value) : f.value}
              </span>
              <button type="button" aria-label={`Remove filter ${formatFilter(f)}`} onClick={() => removeFilter(f)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {!lucene && state.q.trim() === "" && <p className="muted">Write a LogQL log query, for example {'{service_name="sshd"} |= "Failed"'}.</p>}
      {state.live ? (
        <LiveTail q={followed} lang={state.lang} onFilter={filter} />
      ) : (
        <>
          {resolved && data.buckets && <LevelHistogram buckets={data.buckets} range={resolved} onZoom={zoom} />}
          <div className="logs-body">
            <FacetPanel
              facets={data.facets}
              error={data.facetsError}
              filters={state.filters}
              onFilter={filter}
              fields={lucene ? fields.data : undefined}
              onAddField={lucene ? addFacet : undefined}
              patternNames={patternNames}
            />
            <div className="logs-main">
              {state.view === "patterns" && logqlReady && resolved ? (
                <PatternsView filter={{ q: filterQ, logql: lucene ? undefined : followed, start: resolved.start, end: resolved.end }} onPick={pickPattern} />
              ) : (
                <>
                  <p className="muted logs-total" role="status">
                    {data.loading
                      ? "Searching…"
                      : data.total !== undefined
                        ? `${data.total.toLocaleString("en")}${data.totalIsLowerBound ? "+" : ""} matching records`
                        : `${data.records.length} lines`}
                  </p>
                  {data.error != null && !(data.error instanceof ApiError && data.error.status === 400) && (
                    <ErrorMessage error={data.error} context="Search" />
                  )}
                  <RecordList
                    records={data.records}
                    lang={state.lang}
                    open={state.open}
                    onOpen={(open) => write({ open })}
                    onFilter={filter}
                    onContext={lucene ? (id) => write({ context: id }) : undefined}
                    hasMore={data.hasMore}
                    loadingMore={data.loadingMore}
                    onLoadMore={data.loadMore}
                  />
                </>
              )}
              {state.context && <ContextPanel id={state.context} onClose={() => write({ context: undefined })} />}
            </div>
          </div>
        </>
      )}
      {data.error != null && state.live && <ErrorMessage error={data.error} context="Search" />}
    </section>
  );
}
