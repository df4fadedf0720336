import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { describeEnd, describeRange, relativeRanges, resolveRange, zoomOut, type TimeRange } from "../../lib/timeRange";
import "./TimeRangePicker.css";

export interface TimeRangePickerProps {
  range: TimeRange;
  onChange(range: TimeRange): void;
  onBack?: () => void;
  canGoBack?: boolean;
}

/**
 * Relative ranges (last 5 minutes … 7 days), an absolute from/to (any end Grafana's syntax or a local date accepts),
 * back to the previous range and zoom out. The panel opens from a button and closes on Escape, giving focus back.
 */
export function TimeRangePicker({ range, onChange, onBack, canGoBack = false }: TimeRangePickerProps) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(describeEnd(range.from));
  const [to, setTo] = useState(describeEnd(range.to));
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setFrom(describeEnd(range.from));
    setTo(describeEnd(range.to));
    setError(null);
  }, [range.from, range.to]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  const choose = (next: TimeRange) => {
    onChange(next);
    close();
  };

  const applyAbsolute = (event: FormEvent) => {
    event.preventDefault();
    const now = Date.now();
    const checked = resolveRange({ from, to }, now);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    // Relative text stays relative ("now-2h" keeps moving); a date becomes epoch ms, as Grafana writes it.
    const keep = (text: string, ms: number) => (text.trim().startsWith("now") ? text.trim() : String(ms));
    choose({ from: keep(from, checked.range.start), to: keep(to, checked.range.end) });
  };

  const zoomOutNow = () => {
    const resolved = resolveRange(range);
    if (resolved.ok) onChange(zoomOut(resolved.range));
  };

  return (
    <div className="time-range-picker" ref={rootRef} onKeyDown={(e) => e.key === "Escape" && open && close()}>
      <button type="button" onClick={onBack} disabled={!canGoBack || !onBack} title="Back to the previous time range">
        Back
      </button>
      <button type="button" onClick={zoomOutNow} title="Twice as wide">
        Zoom out
      </button>
      <button
        type="button"
        ref={toggleRef}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Time range: ${describeRange(range)}`}
        onClick={() => setOpen(!open)}
      >
        {describeRange(range)} ▾
      </button>
      {open && (
        <div className="time-range-panel" id={panelId} role="dialog" aria-label="Choose a time range">
          <section aria-label="Relative ranges">
            <h3>Relative</h3>
            <ul>
              {relativeRanges.map((preset) => (
                <li key={preset.from}>
                  <button
                    type="button"
                    aria-pressed={range.from === preset.from && range.to === "now"}
                    onClick={() => choose({ from: preset.from, to: "now" })}
                  >
                    {preset.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <form onSubmit={applyAbsolute} aria-label="Absolute range">
            <h3>Absolute</h3>
            <label>
              From
              <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="now-6h or 2024-05-01 12:00" />
            </label>
            <label>
              To
              <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="now or 2024-05-01 18:00" />
            </label>
            {error && <p role="alert" className="error-message">{error}</p>}
            <button type="submit" className="primary">
              Apply range
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
