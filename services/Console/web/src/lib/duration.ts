/** Prometheus/Grafana durations ("90s", "1h30m", "7d", "500ms") in milliseconds. */
const unitMs: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const durationPattern = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const partPattern = /(\d+)(ms|s|m|h|d|w|y)/g;

/** The duration in milliseconds, or undefined when the text is not one (empty, "5", "1.5h", "-5m"). */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!durationPattern.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(partPattern)) total += Number(amount) * unitMs[unit!]!;
  return total;
}

const formatUnits: Array<[string, number]> = [
  ["y", unitMs.y!],
  ["w", unitMs.w!],
  ["d", unitMs.d!],
  ["h", unitMs.h!],
  ["m", unitMs.m!],
  ["s", unitMs.s!],
  ["ms", 1],
];

/** The shortest duration text for whole milliseconds: 5_400_000 → "1h30m", 0 → "0s". */
export function formatDuration(ms: number): string {
  if (ms <= 0 || !Number.isFinite(ms)) return "0s";
  let rest = Math.round(ms);
  let text = "";
  for (const [unit, size] of formatUnits) {
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
