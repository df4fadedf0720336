/** Labels as Alertmanager's UI shows them: `name="value"` chips; with `onPick`, each one a button that filters by it. */
export function AlertLabels({ labels, onPick, label }: { labels: Record<string, string>; onPick?: (name: string, value: string) => void; label: string }) {
  const entries = Object.entries(labels).sort(([a], [b]) => (a === "alertname" ? -1 : b === "alertname" ? 1 : a.localeCompare(b)));
  return (
    <ul className="label-chips" aria-label={label}>
      {entries.map(([name, value]) => (
        <li key={name}>
          {onPick ? (
            <button type="button" className="label-chip" onClick={() => onPick(name, value)} title={`Filter by ${name}="${value}"`}>
              {name}="{value}"
            </button>
          ) : (
            <span className="label-chip">{name}="{value}"</span>
          )}
        </li>
      ))}
    </ul>
  );
}
