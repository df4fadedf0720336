import { legendName, sampleValue, type Labels, type MatrixSeries } from "../../lib/prometheus";

export interface ChartSeries {
  /** Unique within the chart: toggling and colours follow it across refreshes. */
  key: string;
  label: string;
  values: Array<number | null>;
  labels?: Labels;
}

/** What {@link TimeSeriesChart} draws: one time axis (seconds, as uPlot counts) shared by every series. */
export interface ChartData {
  times: number[];
  series: ChartSeries[];
}

/**
 * Prometheus range results on one time axis. query_range answers at start + k·step, so each sample lands on its
 * index; a gap stays null (drawn as a break, not a line across it). Infinite and NaN values are gaps too.
 */
export function alignMatrix(
  results: ReadonlyArray<{ series: MatrixSeries[]; legend?: string | null | undefined; prefix?: string }>,
  startMs: number,
  endMs: number,
  stepSeconds: number,
): ChartData {
  const start = Math.ceil(startMs / 1000);
  const end = Math.floor(endMs / 1000);
  const count = Math.max(0, Math.floor((end - start) / stepSeconds) + 1);
  const times = Array.from({ length: count }, (_, i) => start + i * stepSeconds);
  const series: ChartSeries[] = [];
  const seen = new Map<string, number>();
  for (const { series: matrix, legend, prefix } of results) {
    for (const item of matrix) {
      const values: Array<number | null> = new Array<number | null>(count).fill(null);
      for (const [t, v] of item.values ?? []) {
        const index = Math.round((t - start) / stepSeconds);
        const value = sampleValue(v);
        if (index >= 0 && index < count && Number.isFinite(value)) values[index] = value;
      }
      const label = legendName(item.metric, legend);
      const base = (prefix ?? "") + label;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      series.push({ key: n === 0 ? base : `${base}#${n}`, label, values, labels: item.metric });
    }
  }
  return { times, series };
}

/** Grafana's classic palette: distinct in light and dark themes. */
export const palette = [
  "#7eb26d", "#eab839", "#6ed0e0", "#ef843c", "#e24d42", "#1f78c1", "#ba43a9", "#705da0",
  "#508642", "#cca300", "#447ebc", "#c15c17", "#890f02", "#0a437c", "#6d1f62", "#584477",
  "#b7dbab", "#f4d598", "#70dbed", "#f9ba8f", "#f29191", "#82b5d8", "#e5a8e2", "#aea2e0",
];

export function colorOf(index: number): string {
  return palette[index % palette.length]!;
}

/** The last value that is not a gap, for legends and stat panels. */
export function lastValue(values: ReadonlyArray<number | null>): number | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v != null) return v;
  }
  return null;
}
