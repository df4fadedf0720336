import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/ApiError";
import { canEditDashboards, dashboardKeys, getDashboard, updateDashboard, type Dashboard, type Panel } from "../../api/dashboards";
import { RefreshPicker } from "../../components/TimeRangePicker/RefreshPicker";
import { TimeRangePicker } from "../../components/TimeRangePicker/TimeRangePicker";
import { useUrlTimeRange } from "../../components/TimeRangePicker/useUrlTimeRange";
import { resolveRange, type ResolvedRange } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import { hasOverlap, moveBy, newPanel, place, resizeBy } from "./layout";
import { PanelFrame } from "./PanelFrame";
import { useDashboardRefresh } from "./useDashboardRefresh";
import { useVariables } from "./useVariables";
import { VariableBar } from "./VariableBar";
import { variableParam } from "./variableSelection";
import "./Dashboards.css";

// The editor brings CodeMirror; viewing a dashboard does not need it.
const PanelEditor = lazy(async () => ({ default: (await import("./PanelEditor")).PanelEditor }));

export function DashboardPage() {
  const { id = "" } = useParams();
  const dashboard = useQuery({ queryKey: dashboardKeys.one(id), queryFn: ({ signal }) => getDashboard(id, signal) });
  if (dashboard.isPending) return <p className="loading">Loading dashboard…</p>;
  if (dashboard.isError) {
    return (
      <section className="page">
        <h1>Dashboard</h1>
        <ErrorMessage error={dashboard.error} context="Could not load the dashboard" />
        <Link to="/dashboards">All dashboards</Link>
      </section>
    );
  }
  return <DashboardView dashboard={dashboard.data} />;
}

/**
 * A dashboard: its variables, range and refresh (all in the URL, Grafana's parameter names), the grid of panels,
 * and editing in place — panels added, edited, moved, resized and removed on a draft, saved with the version it
 * was based on, a 409 shown when someone else saved first.
 */
function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const session = useSession();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { range, setRange, back, canGoBack } = useUrlTimeRange(dashboard.time);
  const refresh = params.has("refresh") ? params.get("refresh") || null : dashboard.refresh;
  const { tick, refreshNow } = useDashboardRefresh(refresh);
  const editing = params.get("edit") === "1" && canEditDashboards(session.permissions);
  const editPanelId = Number(params.get("editPanel") ?? NaN);
  const [draft, setDraft] = useState<Dashboard | null>(null);
  const shown = editing ? draft ?? dashboard : dashboard;

  const checked = useMemo(() => resolveRange(range), [range.from, range.to, tick]);
  const resolved = checked.ok ? checked.range : undefined;
  const { states, values, ready } = useVariables(shown.variables, resolved);
  const run = resolved && ready ? { range: resolved, variables: values } : undefined;

  const setParam = (change: (p: URLSearchParams) => void) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      change(next);
      return next;
    });

  const save = useMutation({
    mutationFn: updateDashboard,
    onSuccess: (saved) => {
      client.setQueryData(dashboardKeys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: dashboardKeys.list });
      setDraft(null);
      setParam((p) => {
        p.delete("edit");
        p.delete("editPanel");
      });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  const changePanels = (change: (panels: Panel[]) => Panel[]) => setDraft((d) => ({ ...(d ?? dashboard), panels: change((d ?? dashboard).panels) }));
  const startEditing = () => {
    setDraft(dashboard);
    save.reset();
    setParam((p) => p.set("edit", "1"));
  };
  const stopEditing = () => {
    setDraft(null);
    save.reset();
    setParam((p) => {
      p.delete("edit");
      p.delete("editPanel");
    });
  };
  const reloadLatest = async () => {
    const latest = await client.fetchQuery({ queryKey: dashboardKeys.one(dashboard.id), queryFn: () => getDashboard(dashboard.id), staleTime: 0 });
    setDraft(latest);
    save.reset();
  };
  const openEditor = (panelId: number | null) => setParam((p) => (panelId === null ? p.delete("editPanel") : p.set("editPanel", String(panelId))));
  const zoom = (zoomed: ResolvedRange) => setRange({ from: String(zoomed.start), to: String(zoomed.end) });
  const editedPanel = editing ? shown.panels.find((p) => p.id === editPanelId) : undefined;
  const bottom = shown.panels.reduce((max, p) => Math.max(max, p.grid.y + p.grid.h), 1);

  return (
    <section className="page dashboard">
      <div className="page-header">
        {editing ? (
          <label className="inline dashboard-title-input">
            Title
            <input value={shown.title} onChange={(e) => setDraft({ ...shown, title: e.target.value })} />
          </label>
        ) : (
          <h1>{dashboard.title}</h1>
        )}
        <div className="toolbar">
          <TimeRangePicker range={range} onChange={setRange} onBack={back} canGoBack={canGoBack} />
          <RefreshPicker value={refresh} onChange={(value) => setParam((p) => p.set("refresh", value ?? ""))} onRefresh={refreshNow} />
          {!editing && canEditDashboards(session.permissions) && (
            <button type="button" onClick={startEditing}>Edit</button>
          )}
        </div>
      </div>
      {editing && (
        <div className="edit-bar toolbar" role="toolbar" aria-label="Editing">
          <button
            type="button"
            onClick={() => {
              const panel = newPanel(shown.panels);
              changePanels((panels) => [...panels, panel]);
              openEditor(panel.id);
            }}
          >
            Add panel
          </button>
          <button type="button" className="primary" disabled={save.isPending || hasOverlap(shown.panels)} onClick={() => save.mutate({ ...shown, version: dashboard.version })}>
            {save.isPending ? "Saving…" : "Save dashboard"}
          </button>
          <button type="button" onClick={stopEditing}>Discard changes</button>
          <span className="muted">Version {dashboard.version}</span>
        </div>
      )}
      {save.isError && (
        <div>
          <ErrorMessage error={save.error} context="Not saved" />
          {conflict && (
            <button type="button" onClick={() => void reloadLatest()}>Load the latest version (discards your changes)</button>
          )}
        </div>
      )}
      {!checked.ok && <p role="alert" className="error-message">{checked.error}</p>}
      <VariableBar states={states} values={values} onChange={(name, chosen) => setParam((p) => {
        p.delete(variableParam(name));
        for (const v of chosen) p.append(variableParam(name), v);
      })} />
      {shown.panels.length === 0 && <p className="muted">This dashboard has no panels{editing ? " yet: add one." : "."}</p>}
      <div className="dashboard-grid" style={{ gridTemplateRows: `repeat(${bottom}, 30px)` }}>
        {shown.panels.map((panel) => (
          <PanelFrame
            key={panel.id}
            panel={panel}
            run={run}
            onZoom={zoom}
            actions={
              editing
                ? {
                    edit: () => openEditor(panel.id),
                    remove: () => changePanels((panels) => panels.filter((p) => p.id !== panel.id)),
                    move: (dx, dy) => changePanels((panels) => moveBy(panels, panel.id, dx, dy)),
                    resize: (dw, dh) => changePanels((panels) => resizeBy(panels, panel.id, dw, dh)),
                  }
                : undefined
            }
          />
        ))}
      </div>
      {editedPanel && (
        <Suspense fallback={<p className="loading">Loading the editor…</p>}>
          <PanelEditor
          key={editedPanel.id}
          panel={editedPanel}
          onClose={() => openEditor(null)}
          onApply={(panel) => {
            changePanels((panels) => place(panels.map((p) => (p.id === panel.id ? panel : p)), panel.id, panel.grid));
            openEditor(null);
          }}
          />
        </Suspense>
      )}
    </section>
  );
}
