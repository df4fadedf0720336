import { useQuery } from "@tanstack/react-query";
import { alertKeys, listAllAlerts } from "../../api/alerts";
import { matchesAll, type Matcher } from "../../lib/matchers";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { AlertLabels } from "./AlertLabels";

/** The current alerts these matchers would silence, judged in the page as the matchers change. */
export function SilencePreview({ matchers }: { matchers: Matcher[] }) {
  const alerts = useQuery({ queryKey: alertKeys.all, queryFn: ({ signal }) => listAllAlerts(signal), refetchInterval: 30_000 });
  const hit = matchers.length > 0 ? (alerts.data ?? []).filter((a) => matchesAll(matchers, a.labels)) : [];
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Affected alerts</h2>
      {alerts.isError && <ErrorMessage error={alerts.error} context="Could not read the current alerts" />}
      {alerts.data && (
        <p aria-live="polite">
          {matchers.length === 0 ? "Add a matcher to see the alerts it would silence." : `${hit.length} of ${alerts.data.length} current alerts would be silenced.`}
        </p>
      )}
      <ul className="alert-list" aria-label="Alerts this silence would silence">
        {hit.slice(0, 50).map((a) => (
          <li key={a.fingerprint} className="alert-item">
            <AlertLabels labels={a.labels} label={`Labels of ${a.labels.alertname ?? a.fingerprint}`} />
          </li>
        ))}
      </ul>
      {hit.length > 50 && <p className="muted">and {hit.length - 50} more</p>}
    </section>
  );
}
