import { useState, type FormEvent } from "react";
import type { Panel, PanelQuery, PanelType, Threshold } from "../../api/dashboards";
import { PromQLEditor } from "../../components/PromQLEditor/PromQLEditor";
import { queryName } from "../Metrics/explorerState";

const units: Array<[string, string]> = [
  ["", "None"],
  ["short", "Short (K, M, B)"],
  ["s", "Seconds"],
  ["ms", "Milliseconds"],
  ["bytes", "Bytes"],
  ["percent", "Percent (0–100)"],
  ["percentunit", "Percent (0.0–1.0)"],
  ["reqps", "Requests/s"],
];

function nextRefId(queries: PanelQuery[]): string {
  const used = new Set(queries.map((q) => q.refId));
  for (let i = 0; ; i++) if (!used.has(queryName(i))) return queryName(i);
}

export interface PanelEditorProps {
  panel: Panel;
  onApply(panel: Panel): void;
  onClose(): void;
}

/** A panel's title, type, queries (PromQL with completion, legend format), unit, decimals, thresholds and place. */
export function PanelEditor({ panel, onApply, onClose }: PanelEditorProps) {
  const [draft, setDraft] = useState<Panel>(panel);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<Panel>) => setDraft((d) => ({ ...d, ...change }));
  const setQuery = (index: number, change: Partial<PanelQuery>) => set({ queries: draft.queries.map((q, i) => (i === index ? { ...q, ...change } : q)) });
  const setThreshold = (index: number, change: Partial<Threshold>) => set({ thresholds: draft.thresholds.map((t, i) => (i === index ? { ...t, ...change } : t)) });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.queries.length === 0 || draft.queries.some((q) => q.expr.trim() === "")) {
      setError("Every query needs a PromQL expression.");
      return;
    }
    if (draft.thresholds.some((t) => !Number.isFinite(t.value) || t.color.trim() === "")) {
      setError("Every threshold needs a number and a colour.");
      return;
    }
    onApply({ ...draft, thresholds: [...draft.thresholds].sort((a, b) => a.value - b.value) });
  };

  return (
    <div className="panel-editor" role="dialog" aria-label={`Edit panel ${panel.title || panel.id}`} onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <form onSubmit={apply}>
        <h2>Edit panel</h2>
        <div className="form-row">
          <label>
            Title
            <input value={draft.title} onChange={(e) => set({ title: e.target.value })} />
          </label>
          <label>
            Type
            <select value={draft.type} onChange={(e) => set({ type: e.target.value as PanelType })}>
              <option value="timeseries">Time series</option>
              <option value="stat">Stat</option>
              <option value="table">Table</option>
            </select>
          </label>
          <label>
            Unit
            <select value={draft.unit ?? ""} onChange={(e) => set({ unit: e.target.value || null })}>
              {units.map(([value, text]) => (
                <option key={value} value={value}>{text}</option>
              ))}
              {draft.unit && !units.some(([u]) => u === draft.unit) && <option value={draft.unit}>{draft.unit}</option>}
            </select>
          </label>
          <label>
            Decimals
            <input type="number" min={0} max={10} value={draft.decimals ?? ""} onChange={(e) => set({ decimals: e.target.value === "" ? null : Number(e.target.value) })} />
          </label>
        </div>
        <fieldset>
          <legend>Queries</legend>
          {draft.queries.map((q, i) => (
            <div key={q.refId} className="panel-editor-query">
              <span className="query-name" aria-hidden="true">{q.refId}</span>
              <PromQLEditor label={`Panel query ${q.refId}`} value={q.expr} onChange={(expr) => setQuery(i, { expr })} onRun={() => {}} />
              <label>
                Legend
                <input value={q.legend ?? ""} placeholder="{{job}}" onChange={(e) => setQuery(i, { legend: e.target.value || null })} aria-label={`Legend of query ${q.refId}`} />
              </label>
              <button type="button" onClick={() => set({ queries: draft.queries.filter((_, j) => j !== i) })} aria-label={`Remove query ${q.refId}`} disabled={draft.queries.length === 1}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ queries: [...draft.queries, { refId: nextRefId(draft.queries), expr: "", legend: null }] })}>Add query</button>
        </fieldset>
        <fieldset>
          <legend>Thresholds</legend>
          {draft.thresholds.map((t, i) => (
            <div key={i} className="form-row">
              <label>
                From value
                <input type="number" value={Number.isFinite(t.value) ? t.value : ""} onChange={(e) => setThreshold(i, { value: e.target.value === "" ? NaN : Number(e.target.value) })} />
              </label>
              <label>
                Colour
                <input value={t.color} onChange={(e) => setThreshold(i, { color: e.target.value })} />
              </label>
              <button type="button" onClick={() => set({ thresholds: draft.thresholds.filter((_, j) => j !== i) })} aria-label={`Remove threshold ${i + 1}`}>Remove</button>
            </div>
          ))}
          <button type="button" onClick={() => set({ thresholds: [...draft.thresholds, { value: 0, color: "red" }] })}>Add threshold</button>
        </fieldset>
        <fieldset className="form-row">
          <legend>Place (24 columns, rows of 30 px)</legend>
          {(["x", "y", "w", "h"] as const).map((key) => (
            <label key={key}>
              {{ x: "Column", y: "Row", w: "Width", h: "Height" }[key]}
              <input type="number" min={key === "w" || key === "h" ? 1 : 0} value={draft.grid[key]} onChange={(e) => set({ grid: { ...draft.grid, [key]: Number(e.target.value) } })} />
            </label>
          ))}
        </fieldset>
        {error && <p role="alert" className="error-message">{error}</p>}
        <div className="toolbar">
          <button type="submit" className="primary">Apply</button>
          <button type="button" onClick={onClose}>Close</button>
        </div>
      </form>
    </div>
  );
}
