import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { useNavigate } from "react-router";
import { canEditDashboards, createDashboard, dashboardKeys, importGrafana, type ImportResult } from "../../api/dashboards";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import "./Dashboards.css";

type Parsed = { ok: true; json: unknown } | { ok: false; error: string };

function parse(text: string): Parsed {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `This is not JSON: ${(error as Error).message}` };
  }
}

/**
 * A Grafana dashboard JSON (pasted or from a file) previewed through the console's importer: what mapped (panels,
 * variables) and what did not, with its JSON path and reason — before anything is saved.
 */
export function ImportDashboardPage() {
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [parseError, setParseError] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: importGrafana });
  const save = useMutation({
    mutationFn: (result: ImportResult) => createDashboard(result.dashboard),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: dashboardKeys.list });
      navigate(`/dashboards/${encodeURIComponent(created.id)}`);
    },
  });

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };

  const runPreview = () => {
    const parsed = parse(text);
    if (!parsed.ok) {
      setParseError(parsed.error);
      return;
    }
    setParseError(null);
    save.reset();
    preview.mutate(parsed.json);
  };

  const result = preview.data;
  return (
    <section className="page import-page">
      <h1>Import a Grafana dashboard</h1>
      <p className="muted">Paste the dashboard JSON (Dashboard settings › JSON Model, or an export) or choose the file. Panels that query a Prometheus data source are imported.</p>
      <label className="block">
        Grafana dashboard JSON
        <textarea value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} rows={12} />
      </label>
      <div className="toolbar">
        <label>
          Or choose a file
          <input type="file" accept="application/json,.json" onChange={(e) => void readFile(e)} />
        </label>
        <button type="button" className="primary" onClick={runPreview} disabled={text.trim() === "" || preview.isPending}>
          {preview.isPending ? "Reading…" : "Preview import"}
        </button>
      </div>
      {parseError && <p role="alert" className="error-message">{parseError}</p>}
      {preview.isError && <ErrorMessage error={preview.error} context="Could not import" />}
      {result && (
        <section aria-label="Import preview" className="card">
          <h2>{result.dashboard.title}</h2>
          <p>
            {result.dashboard.panels.length} panels, {result.dashboard.variables.length} variables, range {result.dashboard.time.from} to {result.dashboard.time.to}
          </p>
          <ul className="import-panels">
            {result.dashboard.panels.map((p) => (
              <li key={p.id}>{p.title || `Panel ${p.id}`} <span className="muted">({p.type}, {p.queries.length} {p.queries.length === 1 ? "query" : "queries"})</span></li>
            ))}
          </ul>
          {result.unmapped.length === 0 ? (
            <p>Everything in the Grafana dashboard mapped.</p>
          ) : (
            <>
              <h3>Not imported ({result.unmapped.length})</h3>
              <table className="data" aria-label="Not imported">
                <thead>
                  <tr><th scope="col">Where</th><th scope="col">Why</th></tr>
                </thead>
                <tbody>
                  {result.unmapped.map((u) => (
                    <tr key={`${u.path}-${u.reason}`}><td><code>{u.path}</code></td><td>{u.reason}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {canEditDashboards(session.permissions) ? (
            <button type="button" className="primary" onClick={() => save.mutate(result)} disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save dashboard"}
            </button>
          ) : (
            <p className="muted">Saving dashboards needs the editor role.</p>
          )}
          {save.isError && <ErrorMessage error={save.error} context="Not saved" />}
        </section>
      )}
    </section>
  );
}
