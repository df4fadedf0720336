import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { TimeRangePicker } from "../../components/TimeRangePicker/TimeRangePicker";
import { useUrlTimeRange } from "../../components/TimeRangePicker/useUrlTimeRange";
import { autoStep, resolveRange, type ResolvedRange } from "../../lib/timeRange";
import { formatDuration } from "../../lib/duration";
import { ExplorerResults } from "./ExplorerResults";
import { queryName, readExplorer, writeExplorer, type ExplorerQuery, type ExplorerView } from "./explorerState";
import { QueryRow } from "./QueryRow";
import { useExplorerResults, type ExplorerRun } from "./useExplorerResults";
import "./MetricsExplorerPage.css";

/**
 * PromQL over metrics-service: several queries at once, each editable with completion and run with Ctrl+Enter,
 * drawn on one chart or listed as tables, with their statistics and errors. The URL holds what ran (queries,
 * hidden ones, view, range), so a link opens the same results.
 */
export function MetricsExplorerPage() {
  const [params, setParams] = useSearchParams();
  const state = readExplorer(params);
  const { range, setRange, back, canGoBack } = useUrlTimeRange();
  const ranKey = state.queries.map((q) => q.expr).join("\u0000");
  const [drafts, setDrafts] = useState(() => state.queries.map((q) => q.expr));
  const [runs, setRuns] = useState(0);

  useEffect(() => setDrafts(ranKey.split("\u0000")), [ranKey]);

  const checked = useMemo(() => resolveRange(range), [range.from, range.to, runs]);
  const run: ExplorerRun | undefined = checked.ok
    ? { range: checked.range, step: state.step ?? autoStep(checked.range), run: runs }
    : undefined;
  const results = useExplorerResults(state.queries, state.view, run);
  const names = state.queries.map((_, i) => queryName(i));

  const write = (queries: ExplorerQuery[], view: ExplorerView = state.view) =>
    setParams((current) => writeExplorer(current, { queries, view }));

  const withDrafts = () => state.queries.map((q, i) => ({ ...q, expr: drafts[i] ?? q.expr }));

  const runAll = () => {
    write(withDrafts());
    setRuns((n) => n + 1);
  };

  const zoom = (zoomed: ResolvedRange) => setRange({ from: String(zoomed.start), to: String(zoomed.end) });

  return (
    <section className="page explorer">
      <div className="page-header">
        <h1>Metrics</h1>
        <div className="toolbar">
          <div role="radiogroup" aria-label="View" className="segmented">
            {(["graph", "table"] as const).map((view) => (
              <button key={view} type="button" role="radio" aria-checked={state.view === view} onClick={() => write(withDrafts(), view)}>
                {view === "graph" ? "Graph" : "Table"}
              </button>
            ))}
          </div>
          <TimeRangePicker range={range} onChange={setRange} onBack={back} canGoBack={canGoBack} />
          <button type="button" className="primary" onClick={runAll} title="Ctrl+Enter in a query">
            Run queries
          </button>
        </div>
      </div>
      {!checked.ok && <p role="alert" className="error-message">{checked.error}</p>}
      <ol className="query-list" aria-label="Queries">
        {state.queries.map((query, i) => (
          <QueryRow
            key={i}
            name={names[i]!}
            draft={drafts[i] ?? ""}
            ran={query.expr}
            enabled={query.enabled}
            result={results[i]}
            canRemove={state.queries.length > 1}
            onDraft={(value) => setDrafts((all) => all.map((d, j) => (j === i ? value : d)))}
            onRun={runAll}
            onToggle={() => write(withDrafts().map((q, j) => (j === i ? { ...q, enabled: !q.enabled } : q)))}
            onRemove={() => write(withDrafts().filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <div className="toolbar">
        <button type="button" onClick={() => write([...withDrafts(), { expr: "", enabled: true }])}>
          Add query
        </button>
        {run && <span className="muted">Step {formatDuration(run.step * 1000)}{state.step ? "" : " (automatic)"}</span>}
      </div>
      {run && state.queries.some((q) => q.enabled && q.expr.trim()) && (
        <ExplorerResults view={state.view} queries={state.queries} names={names} results={results} range={run.range} step={run.step} onZoom={zoom} />
      )}
    </section>
  );
}
