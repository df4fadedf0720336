import { parseDuration } from "../../lib/duration";

export interface ExplorerQuery {
  expr: string;
  enabled: boolean;
}

export type ExplorerView = "graph" | "table";

export interface ExplorerState {
  queries: ExplorerQuery[];
  view: ExplorerView;
  /** A fixed step in seconds; undefined lets the range choose. */
  step: number | undefined;
}

/**
 * The explorer in its URL: `q` once per query (in order), `off` the letters of hidden queries ("B,D"),
 * `view=table`, `step=30s`; `from`/`to` belong to the time-range picker. A bare /explore/metrics has one empty query.
 */
export function readExplorer(params: URLSearchParams): ExplorerState {
  const exprs = params.getAll("q");
  const off = new Set((params.get("off") ?? "").split(",").filter(Boolean));
  const queries = (exprs.length > 0 ? exprs : [""]).map((expr, i) => ({ expr, enabled: !off.has(queryName(i)) }));
  const stepText = params.get("step");
  const stepMs = stepText ? parseDuration(stepText) ?? (/^\d+$/.test(stepText) ? Number(stepText) * 1000 : undefined) : undefined;
  return {
    queries,
    view: params.get("view") === "table" ? "table" : "graph",
    step: stepMs && stepMs >= 1000 ? Math.round(stepMs / 1000) : undefined,
  };
}

export function writeExplorer(current: URLSearchParams, state: Pick<ExplorerState, "queries" | "view">): URLSearchParams {
  const next = new URLSearchParams(current);
  next.delete("q");
  next.delete("off");
  for (const query of state.queries) next.append("q", query.expr);
  const off = state.queries.flatMap((q, i) => (q.enabled ? [] : [queryName(i)]));
  if (off.length > 0) next.set("off", off.join(","));
  if (state.view === "table") next.set("view", "table");
  else next.delete("view");
  return next;
}

/** A, B, … Z, AA, AB: Grafana's refIds. */
export function queryName(index: number): string {
  let name = "";
  let n = index;
  do {
    name = String.fromCharCode(65 + (n % 26)) + name;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return name;
}

/** A link into the explorer with these queries over this range (used by the overview and the dashboards). */
export function explorerLink(exprs: string[], range?: { from: string; to: string }): string {
  const params = writeExplorer(new URLSearchParams(), { queries: exprs.map((expr) => ({ expr, enabled: true })), view: "graph" });
  if (range) {
    params.set("from", range.from);
    params.set("to", range.to);
  }
  return `/explore/metrics?${params.toString()}`;
}
