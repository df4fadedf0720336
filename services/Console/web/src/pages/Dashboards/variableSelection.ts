import { allValue, type DashboardVariable } from "../../api/dashboards";
import type { VariableValue } from "./interpolate";

/** `var-job=a&var-job=b`, Grafana's way of putting a dashboard's variables in its URL. */
export const variableParam = (name: string) => `var-${name}`;

/**
 * What a variable is set to: the URL's values, else the dashboard's saved `current`, else All (when offered) or
 * the first option. A value not among the options is kept (a link may name a job that has not reported yet).
 */
export function selectValue(variable: DashboardVariable, fromUrl: string[], options: string[] | undefined): VariableValue {
  const base = { multi: variable.multi, includeAll: variable.includeAll, options: options ?? [] };
  const wanted = fromUrl.length > 0 ? fromUrl : variable.current;
  if (wanted.includes(allValue) && variable.includeAll) return { ...base, values: [allValue], all: true };
  const chosen = wanted.filter((v) => v !== allValue);
  if (chosen.length > 0) return { ...base, values: variable.multi ? chosen : [chosen[0]!], all: false };
  if (variable.includeAll) return { ...base, values: [allValue], all: true };
  const first = options?.[0];
  return { ...base, values: first === undefined ? [] : [first], all: false };
}

/** Options of a custom or interval variable: its comma-separated values (Grafana escapes commas as "\,"). */
export function listedOptions(query: string): string[] {
  return query
    .split(/(?<!\\),/)
    .map((v) => v.replace(/\\,/g, ",").trim())
    .filter((v) => v !== "");
}
