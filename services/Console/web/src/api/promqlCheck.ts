import { apiFetch } from "./client";

/**
 * Parses a PromQL expression with metrics-service's own parser (`/api/v1/format_query`, which evaluates nothing) and
 * answers its canonical text; a parse error is thrown as the ApiError whose detail carries `line:column: parse error`.
 */
export async function checkPromQL(expr: string, signal?: AbortSignal): Promise<string> {
  const response = await apiFetch(
    "/api/metrics/api/v1/format_query",
    { method: "POST", body: new URLSearchParams({ query: expr }).toString(), headers: { "Content-Type": "application/x-www-form-urlencoded" } },
    { signal },
  );
  const envelope = (await response.json()) as { data?: string };
  return envelope.data ?? expr;
}
