/** The Prometheus HTTP API's shapes, as metrics-service answers them through /api/metrics. */
export type Labels = Record<string, string>;
export type SamplePair = [number, string];

export interface MatrixSeries {
  metric: Labels;
  values?: SamplePair[];
  histograms?: unknown[];
}

export interface VectorSample {
  metric: Labels;
  value: SamplePair;
}

export type QueryData =
  | { resultType: "matrix"; result: MatrixSeries[] }
  | { resultType: "vector"; result: VectorSample[] }
  | { resultType: "scalar"; result: SamplePair }
  | { resultType: "string"; result: SamplePair };

export interface PromEnvelope<T> {
  status: "success" | "error";
  data: T;
  warnings?: string[];
  infos?: string[];
}

/** `name{a="1", b="2"}` as Prometheus prints a series; `{}` when it has no labels at all. */
export function seriesName(metric: Labels): string {
  const name = metric.__name__ ?? "";
  const labels = Object.entries(metric)
    .filter(([key]) => key !== "__name__")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}="${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  if (labels.length === 0) return name || "{}";
  return `${name}{${labels.join(", ")}}`;
}

/** Grafana's legend format: "{{job}} {{instance}}" with each label's value; no format → the series name. */
export function legendName(metric: Labels, format: string | null | undefined): string {
  if (!format || format === "__auto") return seriesName(metric);
  return format.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, label: string) => metric[label] ?? "");
}

/** Prometheus writes sample values as strings: "NaN", "+Inf", "-Inf" included. */
export function sampleValue(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}
