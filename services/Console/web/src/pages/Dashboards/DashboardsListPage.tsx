import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { canEditDashboards, createDashboard, dashboardKeys, deleteDashboard, listDashboards, type DashboardSummary } from "../../api/dashboards";
import { VirtualTable, type Column } from "../../components/VirtualTable/VirtualTable";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import "./Dashboards.css";

function matches(d: DashboardSummary, search: string, tag: string | null): boolean {
  const text = search.trim().toLowerCase();
  return (!text || d.title.toLowerCase().includes(text) || d.tags.some((t) => t.toLowerCase().includes(text))) && (!tag || d.tags.includes(tag));
}

/** Every dashboard, filtered by title or tag (both in the URL); editors create, import and delete. */
export function DashboardsListPage() {
  const session = useSession();
  const canEdit = canEditDashboards(session.permissions);
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.get("search") ?? "";
  const tag = params.get("tag");
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = useQuery({ queryKey: dashboardKeys.list, queryFn: ({ signal }) => listDashboards(signal) });

  const create = useMutation({
    mutationFn: () => createDashboard({ title: "New dashboard", tags: [], time: { from: "now-6h", to: "now" }, refresh: null, variables: [], panels: [] }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: dashboardKeys.list });
      navigate(`/dashboards/${encodeURIComponent(created.id)}?edit=1`);
    },
  });
  const remove = useMutation({
    mutationFn: deleteDashboard,
    onSuccess: () => {
      setConfirming(null);
      void client.invalidateQueries({ queryKey: dashboardKeys.list });
    },
  });

  const setFilter = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });

  const columns: Array<Column<DashboardSummary>> = [
    { key: "title", header: "Title", render: (d) => <Link to={`/dashboards/${encodeURIComponent(d.id)}`}>{d.title}</Link>, sortValue: (d) => d.title, width: "45%" },
    {
      key: "tags",
      header: "Tags",
      render: (d) => d.tags.map((t) => (
        <button key={t} type="button" className="tag" onClick={() => setFilter("tag", t)} aria-label={`Only dashboards tagged ${t}`}>{t}</button>
      )),
      width: "30%",
    },
    { key: "updated", header: "Updated", render: (d) => new Date(d.updated).toLocaleString(), sortValue: (d) => d.updated, width: "15%" },
    ...(canEdit
      ? [{
          key: "actions",
          header: "Actions",
          width: "10%",
          render: (d: DashboardSummary) =>
            confirming === d.id ? (
              <button type="button" onClick={() => remove.mutate(d.id)} aria-label={`Confirm deleting ${d.title}`}>Confirm</button>
            ) : (
              <button type="button" onClick={() => setConfirming(d.id)} aria-label={`Delete ${d.title}`}>Delete</button>
            ),
        }]
      : []),
  ];

  const shown = (list.data ?? []).filter((d) => matches(d, search, tag));
  return (
    <section className="page">
      <div className="page-header">
        <h1>Dashboards</h1>
        {canEdit && (
          <div className="toolbar">
            <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>New dashboard</button>
            <Link className="button" to="/dashboards/import">Import from Grafana</Link>
          </div>
        )}
      </div>
      <div className="toolbar">
        <label>
          Search
          <input type="search" value={search} onChange={(e) => setFilter("search", e.target.value)} placeholder="Title or tag" />
        </label>
        {tag && (
          <button type="button" onClick={() => setFilter("tag", null)}>Tag: {tag} ✕</button>
        )}
      </div>
      {create.isError && <ErrorMessage error={create.error} context="Could not create the dashboard" />}
      {remove.isError && <ErrorMessage error={remove.error} context="Could not delete the dashboard" />}
      {list.isError && <ErrorMessage error={list.error} context="Could not list the dashboards" />}
      {list.isPending && <p className="loading">Loading…</p>}
      {list.data && (
        <VirtualTable caption="Dashboards" rows={shown} columns={columns} rowKey={(d) => d.id} emptyText={list.data.length === 0 ? "No dashboards yet" : "No dashboard matches"} />
      )}
    </section>
  );
}
