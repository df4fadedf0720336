import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { TimeRangePicker } from "../../components/TimeRangePicker/TimeRangePicker";
import { useUrlTimeRange } from "../../components/TimeRangePicker/useUrlTimeRange";
import { isRelative, resolveRange, type TimeRange } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { baselineWindow, compareModes, isCompareMode, type CompareMode } from "./compareWindow";
import { DetailPanel } from "./DetailPanel";
import { MapLegend } from "./MapLegend";
import { readSelection, writeSelection, type Selection } from "./selection";
import { ServiceGraph } from "./ServiceGraph";
import { useServiceMap } from "./useServiceMap";
import "./ServiceMapPage.css";

/**
 * The service map: trace-service's dependency graph of a window (services, databases, queues; edges with calls/s,
 * error rate and p95), laid out by ELK, optionally compared with another window (changes coloured, new and
 * vanished marked); a node or edge opens its RED charts and links to its traces and logs. URL: `from`, `to`,
 * `compare` (previous, 1h, 1d, 7d, custom with `cfrom`/`cto`), `node` or `edgeFrom`/`edgeTo`.
 */
const refreshMs = 30_000;

export function ServiceMapPage() {
  const [params, setParams] = useSearchParams();
  const { range, setRange, back, canGoBack } = useUrlTimeRange();
  const [refreshes, setRefreshes] = useState(0);
  const [actualSize, setActualSize] = useState(false);
  const modeText = params.get("compare");
  const mode: CompareMode = isCompareMode(modeText) ? modeText : "off";
  const custom: TimeRange | null = params.get("cfrom") && params.get("cto") ? { from: params.get("cfrom")!, to: params.get("cto")! } : null;
  const selection = readSelection(params);
  const moving = isRelative(range) || (mode === "custom" && custom !== null && isRelative(custom));

  // A relative window ("last hour") moves: resolve it again every 30 s, so new calls and span metrics come in.
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => setRefreshes((n) => n + 1), refreshMs);
    return () => clearInterval(timer);
  }, [moving]);

  const windows = useMemo(() => {
    const now = Date.now();
    const current = resolveRange(range, now);
    if (!current.ok) return { error: current.error, current: null, baseline: null };
    const baseline = baselineWindow(mode, current.range, custom, now);
    if (!baseline.ok) return { error: baseline.error, current: current.range, baseline: null };
    return { error: null, current: current.range, baseline: baseline.range };
  }, [range.from, range.to, mode, custom?.from, custom?.to, refreshes]);

  const { answer, model, layout } = useServiceMap(windows.current, mode === "off" ? null : windows.baseline);

  const update = (change: (next: URLSearchParams) => void) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      change(next);
      return next;
    });
  const setMode = (value: CompareMode) =>
    update((next) => {
      if (value === "off") next.delete("compare");
      else next.set("compare", value);
      if (value === "custom" && !next.get("cfrom") && windows.current) {
        const width = windows.current.end - windows.current.start;
        next.set("cfrom", String(windows.current.start - width));
        next.set("cto", String(windows.current.start));
      }
    });
  const setCustom = (r: TimeRange) =>
    update((next) => {
      next.set("cfrom", r.from);
      next.set("cto", r.to);
    });
  const select = useCallback(
    (s: Selection | null) => setParams((current) => writeSelection(current, s)),
    [setParams],
  );

  return (
    <section className="page service-map">
      <div className="page-header">
        <h1>Service map</h1>
        <div className="toolbar">
          <TimeRangePicker range={range} onChange={setRange} onBack={back} canGoBack={canGoBack} />
          <label>
            Compare with
            <select value={mode} onChange={(e) => setMode(e.target.value as CompareMode)}>
              {compareModes.map((m) => (
                <option key={m.value} value={m.value}>{m.label}</option>
              ))}
            </select>
          </label>
          {mode === "custom" && custom && (
            <div role="group" aria-label="Compared range" className="map-compare-range">
              <TimeRangePicker range={custom} onChange={setCustom} />
            </div>
          )}
          <button type="button" aria-pressed={actualSize} onClick={() => setActualSize(!actualSize)}>
            {actualSize ? "Fit to width" : "Actual size"}
          </button>
          <button type="button" onClick={() => setRefreshes((n) => n + 1)}>Refresh</button>
        </div>
      </div>
      {windows.error && <p role="alert" className="error-message">{windows.error}</p>}
      {answer.isError && <ErrorMessage error={answer.error} context="Could not read the dependency graph" />}
      {model.comparing && windows.baseline && <MapLegend model={model} baseline={windows.baseline} />}
      <div className={`map-body${selection ? " with-detail" : ""}`}>
        <div className={`map-canvas card${actualSize ? " actual-size" : ""}`}>
          {answer.isPending && windows.current && <p className="loading">Loading…</p>}
          {answer.isSuccess && model.nodes.length === 0 && <p className="muted">No calls between services in this window.</p>}
          {layout.isError && <ErrorMessage error={layout.error} context="Could not lay out the map" />}
          {model.nodes.length > 0 && layout.isPending && <p className="loading">Laying out {model.nodes.length} nodes…</p>}
          {layout.data && model.nodes.length > 0 && (
            <ServiceGraph model={model} layout={layout.data} selection={selection} onSelect={select} actualSize={actualSize} />
          )}
        </div>
        {selection && windows.current && <DetailPanel model={model} selection={selection} range={windows.current} onClose={() => select(null)} />}
      </div>
    </section>
  );
}
