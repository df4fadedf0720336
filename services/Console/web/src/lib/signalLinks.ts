/**
 * Links between the console's signals, in the query parameters each screen reads: the traces search
 * (`service`, `operation`, `start`, `end`, `minDuration`), the logs explorer (`query`, `start`, `end`) and the
 * service map (`from`, `to`, `node`). Times are epoch milliseconds, as the console's own `from`/`to` are.
 */

export interface TracesLinkOptions {
  service?: string | null | undefined;
  operation?: string | null | undefined;
  start?: number | undefined;
  end?: number | undefined;
  /** A duration as the traces search takes it ("250ms"). */
  minDuration?: string | undefined;
}

function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? undefined : Math.round(value));

export function tracesLink({ service, operation, start, end, minDuration }: TracesLinkOptions): string {
  return withQuery("/traces", { service, operation, start: ms(start), end: ms(end), minDuration });
}

export function traceLink(traceId: string): string {
  return `/traces/${encodeURIComponent(traceId)}`;
}

/** A Lucene query for one service's records (log-service's `service` field), quoted so any name is one term. */
export function serviceLogQuery(service: string): string {
  return `service:"${service.replace(/(["\\])/g, "\\$1")}"`;
}

export function logsLink(query: string, start?: number, end?: number): string {
  return withQuery("/logs", { query, start: ms(start), end: ms(end) });
}

export function serviceMapLink(node: string | undefined, start?: number, end?: number): string {
  return withQuery("/service-map", { from: ms(start), to: ms(end), node });
}

/** The window a person looks at around an instant: `before` earlier to `after` later. */
export function around(at: number, before: number, after: number = before): { start: number; end: number } {
  return { start: at - before, end: at + after };
}

/** The label naming a series' service: OpenTelemetry's `service_name`, then `service`, then Prometheus's `job`. */
export function serviceOfLabels(labels: Record<string, string> | undefined): string | undefined {
  if (!labels) return undefined;
  return labels.service_name || labels.service || labels.job || undefined;
}
