import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import type { DashboardVariable } from "../../api/dashboards";
import { labelNames, labelValues, series } from "../../api/metrics";
import type { ResolvedRange } from "../../lib/timeRange";
import { interpolate, references, type VariableValues } from "./interpolate";
import { parseVariableQuery } from "./variableQuery";
import { listedOptions, selectValue, variableParam } from "./variableSelection";

export interface VariableState {
  variable: DashboardVariable;
  options: string[] | undefined;
  loading: boolean;
  error: unknown;
}

async function fetchOptions(query: string, range: ResolvedRange, signal: AbortSignal): Promise<string[]> {
  const parsed = parseVariableQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  const q = parsed.query;
  let values: string[];
  switch (q.kind) {
    case "label_names":
      values = await labelNames(range, signal);
      break;
    case "metrics": {
      const regex = new RegExp(q.regex || ".*");
      values = (await labelValues("__name__", range, undefined, signal)).filter((n) => regex.test(n));
      break;
    }
    case "label_values":
      if (q.match) {
        // /api/v1/series gives the label's values among the matching series (Grafana's label_values(metric, label)).
        const found = await series(q.match, range, signal);
        values = [...new Set(found.map((s) => s[q.label]).filter((v): v is string => v !== undefined))];
      } else {
        values = await labelValues(q.label, range, undefined, signal);
      }
      break;
  }
  return [...values].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/**
 * The dashboard's variables, in order: each one's options (query variables from the metrics API over the
 * dashboard's range, with earlier variables interpolated into the query), and the values chosen in the URL.
 * A chained variable's key changes when the variable it names is loaded, which loads it in turn.
 */
export function useVariables(variables: readonly DashboardVariable[], range: ResolvedRange | undefined) {
  const [params] = useSearchParams();
  const client = useQueryClient();
  const values: VariableValues = {};
  const unloaded: string[] = [];
  const specs = variables.map((variable) => {
    if (variable.type !== "query") {
      const options = listedOptions(variable.query);
      values[variable.name] = selectValue(variable, params.getAll(variableParam(variable.name)), options);
      return { variable, key: null, query: "", options, waiting: false };
    }
    // A query naming a variable whose options are not here yet would run with a guess (All as ".*"): it waits.
    const waiting = unloaded.some((name) => references(variable.query, name));
    const query = interpolate(variable.query, values);
    // Rounded to the minute, so a refresh of the panels does not reload every variable's options.
    const window = range && { start: Math.floor(range.start / 60_000) * 60_000, end: Math.ceil(range.end / 60_000) * 60_000 };
    const key = ["variable", query, window?.start, window?.end] as const;
    const options = client.getQueryData<string[]>(key);
    values[variable.name] = selectValue(variable, params.getAll(variableParam(variable.name)), options);
    // A variable whose options failed does not hold back the rest: its error is shown and All stands for ".*".
    if (options === undefined && client.getQueryState(key)?.status !== "error") unloaded.push(variable.name);
    return { variable, key, query, window, options, waiting };
  });

  const results = useQueries({
    queries: specs.map((spec) => ({
      queryKey: spec.key ?? ["variable-listed", spec.variable.name],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchOptions(spec.query, spec.window!, signal),
      enabled: spec.key !== null && spec.window !== undefined && !spec.waiting,
      staleTime: 60_000,
    })),
  });

  const states: VariableState[] = specs.map((spec, i) => ({
    variable: spec.variable,
    options: spec.key ? results[i]?.data ?? spec.options : spec.options,
    loading: spec.key !== null && (spec.waiting || ((results[i]?.isPending ?? false) && results[i]?.fetchStatus !== "idle")),
    error: results[i]?.error,
  }));
  const ready = states.every((s) => !s.loading);
  return { states, values, ready };
}
