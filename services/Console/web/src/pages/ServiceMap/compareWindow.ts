import { parseDuration } from "../../lib/duration";
import { resolveRange, type ResolvedRange, type TimeRange } from "../../lib/timeRange";

/** How the map chooses the window it compares with: off, the window just before, a shift back, or a custom range. */
export type CompareMode = "off" | "previous" | "1h" | "1d" | "7d" | "custom";

export const compareModes: ReadonlyArray<{ value: CompareMode; label: string }> = [
  { value: "off", label: "No comparison" },
  { value: "previous", label: "Previous window" },
  { value: "1h", label: "1 hour before" },
  { value: "1d", label: "1 day before" },
  { value: "7d", label: "1 week before" },
  { value: "custom", label: "Custom range" },
];

export function isCompareMode(text: string | null): text is CompareMode {
  return compareModes.some((m) => m.value === text);
}

export type BaselineCheck = { ok: true; range: ResolvedRange | null } | { ok: false; error: string };

/**
 * The baseline window for a resolved current window: `previous` is the same width ending where the current one
 * starts; a shift moves the current window back; `custom` is its own range (from `cfrom`/`cto`).
 */
export function baselineWindow(mode: CompareMode, current: ResolvedRange, custom: TimeRange | null, now: number): BaselineCheck {
  switch (mode) {
    case "off":
      return { ok: true, range: null };
    case "previous": {
      const width = current.end - current.start;
      return { ok: true, range: { start: current.start - width, end: current.start } };
    }
    case "custom": {
      if (!custom) return { ok: false, error: "Choose the range to compare with" };
      const checked = resolveRange(custom, now);
      return checked.ok ? { ok: true, range: checked.range } : { ok: false, error: `Compare range: ${checked.error}` };
    }
    default: {
      const shift = parseDuration(mode)!;
      return { ok: true, range: { start: current.start - shift, end: current.end - shift } };
    }
  }
}
