/** The logs explorer's state as the URL holds it, and the queries it turns into (pure, so tested without a page). */

export type QueryLanguage = "lucene" | "logql";
export type LogsView = "records" | "patterns";

/** A facet filter: a field's value to keep, or (exclude) to drop. */
export interface FieldFilter {
  field: string;
  value: string;
  exclude: boolean;
}

export interface LogsState {
  q: string;
  lang: QueryLanguage;
  filters: FieldFilter[];
  view: LogsView;
  /** The expanded record's id. */
  open: string | undefined;
  /** The record whose context (lines before and after) is shown. */
  context: string | undefined;
  live: boolean;
}

/** `service:api` keeps, `-service:api` drops; the field name never holds a colon, the value may. */
export function parseFilter(text: string): FieldFilter | undefined {
  const exclude = text.startsWith("-");
  const body = exclude ? text.slice(1) : text;
  const colon = body.indexOf(":");
  if (colon <= 0) return undefined;
  return { field: body.slice(0, colon), value: body.slice(colon + 1), exclude };
}

export function formatFilter(filter: FieldFilter): string {
  return `${filter.exclude ? "-" : ""}${filter.field}:${filter.value}`;
}

export function readLogsState(params: URLSearchParams): LogsState {
  return {
    q: params.get("q") ?? "",
    lang: params.get("lang") === "logql" ? "logql" : "lucene",
    filters: params.getAll("f").map(parseFilter).filter((f): f is FieldFilter => f !== undefined),
    view: params.get("view") === "patterns" ? "patterns" : "records",
    open: params.get("open") ?? undefined,
    context: params.get("ctx") ?? undefined,
    live: params.get("live") === "1",
  };
}

/** Writes `changes` over `current`, keeping what else is there (the time range). */
export function writeLogsState(current: URLSearchParams, changes: Partial<LogsState>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
  if ("q" in changes) set("q", changes.q);
  if ("lang" in changes) set("lang", changes.lang === "logql" ? "logql" : undefined);
  if ("view" in changes) set("view", changes.view === "patterns" ? "patterns" : undefined);
  if ("open" in changes) set("open", changes.open);
  if ("context" in changes) set("ctx", changes.context);
  if ("live" in changes) set("live", changes.live ? "1" : undefined);
  if (changes.filters) {
    next.delete("f");
    for (const filter of changes.filters) next.append("f", formatFilter(filter));
  }
  return next;
}

/** Adds a filter, replacing one on the same field and value (so "exclude" after "keep" flips it). */
export function withFilter(filters: readonly FieldFilter[], filter: FieldFilter): FieldFilter[] {
  return [...filters.filter((f) => f.field !== filter.field || f.value !== filter.value), filter];
}

function quoteLucene(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The Lucene query log-service runs: the typed text (grouped) AND each filter as an exact field term. */
export function luceneQuery(q: string, filters: readonly FieldFilter[]): string | undefined {
  const parts = q.trim() ? [filters.length ? `(${q.trim()})` : q.trim()] : [];
  for (const f of filters) parts.push(`${f.exclude ? "-" : ""}${f.field}:${quoteLucene(f.value)}`);
  return parts.length ? parts.join(" ") : undefined;
}

function quoteLogQl(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The LogQL log query: the typed query with each filter as a label filter stage (`| service="api"`). */
export function logqlQuery(q: string, filters: readonly FieldFilter[]): string {
  const stages = filters.map((f) => ` | ${f.field}${f.exclude ? "!=" : "="}${quoteLogQl(f.value)}`);
  return q.trim() + stages.join("");
}

/**
 * The line filter that keeps a mined pattern's lines in LogQL: the template as a pattern filter (`|> "…"`), its
 * `<*>` placeholders written as LogQL's anonymous captures `<_>`.
 */
export function patternStage(template: string): string {
  return ` |> ${quoteLogQl(template.replaceAll("<*>", "<_>"))}`;
}

/** The level histogram of a LogQL log query: matching lines per step, by detected level. */
export function logqlHistogram(logQuery: string, stepSeconds: number): string {
  return `sum by (detected_level) (count_over_time(${logQuery} [${stepSeconds}s]))`;
}

/** How many bars the histogram draws, and so the LogQL step. */
export const histogramBuckets = 60;

export function histogramStepSeconds(startMs: number, endMs: number): number {
  return Math.max(1, Math.ceil((endMs - startMs) / histogramBuckets / 1000));
}

export interface QueryErrorAt {
  /** Character offset into the query (0-based). */
  offset: number;
  line: number;
  column: number;
}

/**
 * Where a query error points: Lucene's parser writes "at line 1, column 7", log-service's LogQL parser "at line 1,
 * col 7" (both 1-based); undefined when the message names no place inside the query.
 */
export function locateError(query: string, message: string): QueryErrorAt | undefined {
  const match = /line (\d+), col(?:umn)? (\d+)/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const column = Number(match[2]);
  const lines = query.split("\n");
  if (line < 1 || line > lines.length || column < 1) return undefined;
  const before = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const offset = before + Math.min(column - 1, lines[line - 1]!.length);
  return { offset, line, column };
}

/** The levels in severity order, the histogram's stacking order and colours. */
export const levels = ["fatal", "error", "warn", "info", "debug", "trace", "unknown"] as const;

export const levelColors: Record<string, string> = {
  fatal: "#7b1fa2",
  error: "#d32f2f",
  warn: "#f9a825",
  info: "#1f77b4",
  debug: "#7f8c8d",
  trace: "#95a5a6",
  unknown: "#b0b7c3",
};
