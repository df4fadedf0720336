import { parseDuration } from "./duration";

/** A time range as written in the URL and in dashboards, Grafana's way: "now-6h" … "now", or epoch milliseconds. */
export interface TimeRange {
  from: string;
  to: string;
}

export interface ResolvedRange {
  start: number;
  end: number;
}

export const defaultRange: TimeRange = { from: "now-1h", to: "now" };

export const relativeRanges: ReadonlyArray<{ from: string; label: string }> = [
  { from: "now-5m", label: "Last 5 minutes" },
  { from: "now-15m", label: "Last 15 minutes" },
  { from: "now-30m", label: "Last 30 minutes" },
  { from: "now-1h", label: "Last 1 hour" },
  { from: "now-3h", label: "Last 3 hours" },
  { from: "now-6h", label: "Last 6 hours" },
  { from: "now-12h", label: "Last 12 hours" },
  { from: "now-24h", label: "Last 24 hours" },
  { from: "now-2d", label: "Last 2 days" },
  { from: "now-7d", label: "Last 7 days" },
];

const relativePattern = /^now(?:([+-])(\w+?))?(?:\/([smhdwy]))?$/;
const localPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function startOf(ms: number, unit: string, roundUp: boolean): number {
  const date = new Date(ms);
  switch (unit) {
    case "y":
      date.setMonth(0, 1);
      date.setHours(0, 0, 0, 0);
      if (roundUp) date.setFullYear(date.getFullYear() + 1);
      break;
    case "w":
      date.setDate(date.getDate() - date.getDay());
      date.setHours(0, 0, 0, 0);
      if (roundUp) date.setDate(date.getDate() + 7);
      break;
    case "d":
      date.setHours(0, 0, 0, 0);
      if (roundUp) date.setDate(date.getDate() + 1);
      break;
    default: {
      const size = parseDuration(`1${unit}`)!;
      const floored = Math.floor(ms / size) * size;
      return roundUp ? floored + size - 1 : floored;
    }
  }
  return roundUp ? date.getTime() - 1 : date.getTime();
}

/**
 * The instant a range end names: "now", "now-6h", "now-1d/d" (rounded to the unit, up for a range's end as Grafana
 * does), epoch milliseconds, or a local "YYYY-MM-DD[ HH:mm[:ss]]" / ISO-8601 date. Undefined when it names none.
 */
export function parseTimeExpression(text: string, now: number, roundUp = false): number | undefined {
  const value = text.trim();
  if (value === "") return undefined;
  const relative = relativePattern.exec(value);
  if (relative) {
    const [, sign, amount, round] = relative;
    let ms = now;
    if (sign && amount) {
      const offset = parseDuration(amount);
      if (offset === undefined) return undefined;
      ms += sign === "-" ? -offset : offset;
    }
    return round ? startOf(ms, round, roundUp) : ms;
  }
  if (/^\d{10,}$/.test(value)) return Number(value);
  const local = localPattern.exec(value);
  if (local) {
    const [, y, mo, d, h = "0", mi = "0", s = "0"] = local;
    const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    return Number.isNaN(date.getTime()) || date.getMonth() !== Number(mo) - 1 ? undefined : date.getTime();
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

export type RangeCheck = { ok: true; range: ResolvedRange } | { ok: false; error: string };

/** Both ends resolved against one "now"; an end before its start is an error, not an empty chart. */
export function resolveRange(range: TimeRange, now: number = Date.now()): RangeCheck {
  const start = parseTimeExpression(range.from, now, false);
  if (start === undefined) return { ok: false, error: `"${range.from}" is not a time (try now-6h, 2024-05-01 12:00 or epoch ms)` };
  const end = parseTimeExpression(range.to, now, true);
  if (end === undefined) return { ok: false, error: `"${range.to}" is not a time (try now, 2024-05-01 13:00 or epoch ms)` };
  if (end <= start) return { ok: false, error: "The range ends before it starts" };
  return { ok: true, range: { start, end } };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2024-05-01 12:30:00", local time (what the absolute inputs accept back). */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** How a range end reads to people: relative text as written, epoch milliseconds as a local date. */
export function describeEnd(text: string): string {
  return /^\d{10,}$/.test(text) ? formatTimestamp(Number(text)) : text;
}

export function describeRange(range: TimeRange): string {
  if (range.to === "now") {
    const preset = relativeRanges.find((r) => r.from === range.from);
    if (preset) return preset.label;
    const match = /^now-(\w+)$/.exec(range.from);
    if (match && parseDuration(match[1]!) !== undefined) return `Last ${match[1]}`;
  }
  return `${describeEnd(range.from)} to ${describeEnd(range.to)}`;
}

export function isRelative(range: TimeRange): boolean {
  return range.from.startsWith("now") || range.to.startsWith("now");
}

const niceStepsSeconds = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/**
 * A query step (seconds) giving about `points` points over the range, rounded up to a step people recognise
 * (15s, 1m, 5m …), so panels over the same range line up.
 */
export function autoStep(range: ResolvedRange, points = 720): number {
  const raw = (range.end - range.start) / 1000 / points;
  return niceStepsSeconds.find((s) => s >= raw) ?? Math.ceil(raw / 86400) * 86400;
}

/** Twice as wide around the same middle (Grafana's zoom out). */
export function zoomOut(range: ResolvedRange): TimeRange {
  const width = range.end - range.start;
  return { from: String(Math.round(range.start - width / 2)), to: String(Math.round(range.end + width / 2)) };
}
