import { formatDuration } from "../../lib/duration";

/** What a variable stands for when a query runs: the chosen values, or All of its options. */
export interface VariableValue {
  values: string[];
  all: boolean;
  multi: boolean;
  includeAll: boolean;
  /** Every option, for All. */
  options: string[];
}

export type VariableValues = Record<string, VariableValue>;

/** Grafana's time macros, from the query's step and the dashboard's range. */
export interface TimeMacros {
  stepSeconds: number;
  rangeMs: number;
  /** metrics-service's default scrape interval (15 s), for $__rate_interval. */
  scrapeSeconds?: number;
}

/** Escapes a value for use inside a PromQL regex string (=~"…"), as Grafana's Prometheus data source does. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\^$*+?.()|{}[\]]/g, "\\$&");
}

/**
 * The text a variable turns into. A single-valued variable is its value as is; a multi-value or All variable is a
 * regex alternation `a|b` of escaped values for `=~` (All is every option; `.*` when it has none).
 * Formats `${name:raw|regex|pipe|csv}` choose explicitly.
 */
export function formatVariable(value: VariableValue, format?: string): string {
  const chosen = value.all ? value.options : value.values;
  switch (format) {
    case "raw":
      return chosen.join(",");
    case "csv":
      return chosen.join(",");
    case "pipe":
      return chosen.join("|");
    case "regex":
      return chosen.length === 0 ? ".*" : chosen.map(escapeRegex).join("|");
    default:
      if (!value.multi && !value.includeAll) return chosen[0] ?? "";
      if (value.all && chosen.length === 0) return ".*";
      return chosen.length === 1 && !value.all ? escapeRegex(chosen[0]!) : chosen.map(escapeRegex).join("|");
  }
}

function macro(name: string, time: TimeMacros): string | undefined {
  const scrape = time.scrapeSeconds ?? 15;
  switch (name) {
    case "__interval":
      return formatDuration(time.stepSeconds * 1000);
    case "__interval_ms":
      return String(time.stepSeconds * 1000);
    case "__rate_interval":
      return formatDuration(Math.max(time.stepSeconds + scrape, 4 * scrape) * 1000);
    case "__range":
      return `${Math.round(time.rangeMs / 1000)}s`;
    case "__range_s":
      return String(Math.round(time.rangeMs / 1000));
    case "__range_ms":
      return String(Math.round(time.rangeMs));
    default:
      return undefined;
  }
}

// ${name}, ${name:format}, [[name]], [[name:format]], $name — names as Grafana allows them.
const reference = /\$\{(\w+)(?::(\w+))?\}|\[\[(\w+)(?::(\w+))?\]\]|\$(\w+)/g;

/**
 * Replaces the dashboard's variables and Grafana's time macros in an expression. Unknown names stay as written,
 * so the query's own error names them.
 */
export function interpolate(text: string, variables: VariableValues, time?: TimeMacros): string {
  return text.replace(reference, (whole, braced, bracedFormat, bracketed, bracketedFormat, bare) => {
    const name: string = braced ?? bracketed ?? bare;
    const format: string | undefined = bracedFormat ?? bracketedFormat;
    if (name.startsWith("__")) return (time && macro(name, time)) ?? whole;
    const value = variables[name];
    return value ? formatVariable(value, format) : whole;
  });
}

/** Whether the text names the variable ($name, ${name…}, [[name…]]). */
export function references(text: string, name: string): boolean {
  for (const match of text.matchAll(reference)) if ((match[1] ?? match[3] ?? match[5]) === name) return true;
  return false;
}
