/** What a query variable asks the Prometheus API for (Grafana's Prometheus variable functions). */
export type VariableQuery =
  | { kind: "label_values"; label: string; match?: string }
  | { kind: "label_names" }
  | { kind: "metrics"; regex: string };

export type VariableQueryCheck = { ok: true; query: VariableQuery } | { ok: false; error: string };

const labelName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits at the last top-level comma, so a selector's own commas (`up{a="1",b="2"}`) stay inside it. */
function lastTopLevelComma(text: string): number {
  let depth = 0;
  let quote: string | null = null;
  let found = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") depth--;
    else if (c === "," && depth === 0) found = i;
  }
  return found;
}

/** `label_values(job)`, `label_values(up{env="prod"}, job)`, `label_names()`, `metrics(^http_)`. */
export function parseVariableQuery(query: string): VariableQueryCheck {
  const text = query.trim();
  const call = /^(\w+)\s*\(([\s\S]*)\)$/.exec(text);
  if (!call) return { ok: false, error: `"${text}" is not label_values(…), label_names() or metrics(…)` };
  const [, fn, args] = call;
  const body = args!.trim();
  switch (fn) {
    case "label_values": {
      const comma = lastTopLevelComma(body);
      const label = (comma < 0 ? body : body.slice(comma + 1)).trim();
      const match = comma < 0 ? undefined : body.slice(0, comma).trim();
      if (!labelName.test(label)) return { ok: false, error: `label_values needs a label name, not "${label}"` };
      if (match === "") return { ok: false, error: "label_values(, label) has an empty selector" };
      return { ok: true, query: match ? { kind: "label_values", label, match } : { kind: "label_values", label } };
    }
    case "label_names":
      return { ok: true, query: { kind: "label_names" } };
    case "metrics":
      return { ok: true, query: { kind: "metrics", regex: body } };
    default:
      return { ok: false, error: `${fn}() is not supported here; use label_values(…), label_names() or metrics(…)` };
  }
}
