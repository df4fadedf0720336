import { parseDuration } from "../../lib/duration";

const choices = ["5s", "10s", "30s", "1m", "5m", "15m", "30m", "1h"];

export interface RefreshPickerProps {
  /** "30s", or null for off. */
  value: string | null;
  onChange(value: string | null): void;
  onRefresh(): void;
  refreshing?: boolean;
}

/** Refresh now, and how often to refresh by itself (Grafana's intervals; a dashboard's own value is kept in the list). */
export function RefreshPicker({ value, onChange, onRefresh, refreshing = false }: RefreshPickerProps) {
  const options = value && !choices.includes(value) && parseDuration(value) ? [value, ...choices] : choices;
  return (
    <div className="refresh-picker">
      <button type="button" onClick={onRefresh} disabled={refreshing}>
        {refreshing ? "Refreshing…" : "Refresh"}
      </button>
      <label className="inline">
        Auto refresh
        <select value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">Off</option>
          {options.map((choice) => (
            <option key={choice} value={choice}>
              Every {choice}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The interval in ms for TanStack Query's refetchInterval, or false. */
export function refreshInterval(value: string | null | undefined): number | false {
  const ms = value ? parseDuration(value) : undefined;
  return ms && ms >= 1000 ? ms : false;
}
