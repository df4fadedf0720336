import { PromQLExtension } from "@prometheus-io/codemirror-promql";
import type { Extension } from "@codemirror/state";
import { apiFetch } from "../../api/client";

/** metrics-service's Prometheus API, through the console's proxy. */
export const metricsApiBase = "/api/metrics";

/**
 * codemirror-promql's language, linter and completion; metric names, label names and values come from
 * metrics-service's /api/v1/label/__name__/values, /api/v1/labels, /api/v1/series and /api/v1/metadata, fetched
 * with GET (no antiforgery token needed) through the console's session, and cached for five minutes.
 */
export function promqlLanguage(): { extension: Extension; destroy(): void } {
  const promql = new PromQLExtension().setComplete({
    remote: {
      url: metricsApiBase,
      httpMethod: "GET",
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => apiFetch(String(input), init ?? {}),
      lookbackInterval: 12 * 60 * 60 * 1000,
      cache: { maxAge: 5 * 60 * 1000 },
      httpErrorHandler: () => {
        // A failed suggestion lookup leaves the list empty; the query's own run reports real errors.
      },
    },
    maxMetricsMetadata: 10_000,
  });
  return { extension: promql.asExtension(), destroy: () => promql.destroy() };
}
