import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { listNotifications, type NotificationRecord } from "../../api/alerts";
import { VirtualTable, type Column } from "../../components/VirtualTable/VirtualTable";
import { formatTimestamp } from "../../lib/timeRange";
import { ErrorMessage } from "../../shell/ErrorMessage";
import "./Alerts.css";

const limits = [100, 500, 1000, 5000];

const columns: Column<NotificationRecord>[] = [
  { key: "at", header: "Time", width: "170px", render: (n) => <time dateTime={n.at}>{formatTimestamp(Date.parse(n.at))}</time>, sortValue: (n) => n.at },
  { key: "receiver", header: "Receiver", width: "12%", render: (n) => n.receiver, sortValue: (n) => n.receiver },
  { key: "channel", header: "Integration", width: "12%", render: (n) => n.integration ?? n.channel, sortValue: (n) => n.integration ?? n.channel },
  { key: "status", header: "Alerts", width: "110px", render: (n) => `${n.status} (${n.alertCount})` },
  {
    key: "outcome",
    header: "Outcome",
    width: "120px",
    render: (n) => <span className={`badge ${n.outcome === "sent" ? "ok" : "bad"}`}>{n.outcome}{n.attempt > 1 ? ` #${n.attempt}` : ""}</span>,
    sortValue: (n) => n.outcome,
  },
  { key: "error", header: "Error", render: (n) => (n.error ? <span className="field-error">{n.error}</span> : "") },
  { key: "group", header: "Group", width: "18%", render: (n) => <code>{n.groupKey}</code> },
];

/** Alerts › Notifications: the notification log, newest first; failures only on request. URL: limit, receiver, failed=1. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const limit = limits.includes(Number(params.get("limit"))) ? Number(params.get("limit")) : 100;
  const receiver = params.get("receiver") ?? "";
  const failedOnly = params.get("failed") === "1";
  const log = useQuery({ queryKey: ["notifications", limit, receiver], queryFn: ({ signal }) => listNotifications({ limit, receiver }, signal), refetchInterval: 30_000 });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key === "receiver" });
  };
  const rows = (log.data ?? []).filter((n) => !failedOnly || n.outcome !== "sent").sort((a, b) => b.at.localeCompare(a.at));
  const failures = (log.data ?? []).filter((n) => n.outcome !== "sent").length;
  return (
    <section className="page">
      <h1>Notifications</h1>
      <div className="toolbar">
        <label>
          Receiver
          <input value={receiver} onChange={(e) => set("receiver", e.target.value)} />
        </label>
        <label>
          Show the last
          <select value={limit} onChange={(e) => set("limit", e.target.value === "100" ? "" : e.target.value)}>
            {limits.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={failedOnly} onChange={(e) => set("failed", e.target.checked ? "1" : "")} />
          Failures only
        </label>
      </div>
      {log.isError && <ErrorMessage error={log.error} context="Could not read the notification log" />}
      {log.data && (
        <p className={failures > 0 ? "field-error" : "muted"} aria-live="polite">
          {failures} of {log.data.length} notifications failed.
        </p>
      )}
      {log.isPending ? <p className="loading">Loading…</p> : <VirtualTable caption="Notification log" rows={rows} columns={columns} rowKey={(n) => n.id} emptyText="No notifications." />}
    </section>
  );
}
