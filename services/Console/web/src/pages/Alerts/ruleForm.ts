import type { RuleDocument } from "../../api/alerts";
import { parseDuration } from "../../lib/duration";

/** The rule editor's fields; labels and annotations are `key=value` lines (the value may hold `=`). */
export interface RuleForm {
  name: string;
  severity: string;
  expr: string;
  for: string;
  keepFiringFor: string;
  evaluationInterval: string;
  noData: string;
  labels: string;
  annotations: string;
  /** A rule built from a condition tree (not PromQL) keeps it untouched. */
  condition: unknown;
}

export const severities = ["critical", "warning", "info"];

const lines = (map: Record<string, string> | null | undefined) => Object.entries(map ?? {}).map(([k, v]) => `${k}=${v}`).join("\n");

export function ruleFormOf(rule: RuleDocument | undefined): RuleForm {
  return {
    name: rule?.name ?? "",
    severity: rule?.severity ?? "warning",
    expr: rule?.expr ?? "",
    for: rule?.for ?? "",
    keepFiringFor: rule?.keepFiringFor ?? "",
    evaluationInterval: rule?.evaluationInterval ?? "",
    noData: rule?.noData ?? "",
    labels: lines(rule?.labels),
    annotations: lines(rule?.annotations),
    condition: rule?.condition ?? null,
  };
}

function parsePairs(text: string, field: string, errors: Record<string, string>): Record<string, string> {
  const pairs: Record<string, string> = {};
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const eq = line.indexOf("=");
    const key = eq < 0 ? "" : line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) errors[field] ??= `Line ${i + 1}: write name=value with a label name before "=".`;
    else pairs[key] = line.slice(eq + 1).trim();
  });
  return pairs;
}

export type RuleCheck = { rule: RuleDocument; errors?: undefined } | { rule?: undefined; errors: Record<string, string> };

/** The document to send, or what is wrong by field; alert-service checks everything again (RuleDocumentMapper). */
export function checkRuleForm(form: RuleForm): RuleCheck {
  const errors: Record<string, string> = {};
  if (!form.name.trim()) errors.name = "The name is required.";
  if (!form.condition && !form.expr.trim()) errors.expr = "The PromQL expression is required.";
  for (const field of ["for", "keepFiringFor", "evaluationInterval"] as const) {
    const text = form[field].trim();
    if (text && text !== "0s" && parseDuration(text) === undefined) errors[field] = `"${text}" is not a duration (30s, 5m, 1h30m).`;
  }
  const labels = parsePairs(form.labels, "labels", errors);
  const annotations = parsePairs(form.annotations, "annotations", errors);
  if (Object.keys(errors).length > 0) return { errors };
  const optional = (text: string) => (text.trim() ? text.trim() : null);
  return {
    rule: {
      name: form.name.trim(),
      severity: form.severity,
      labels,
      annotations,
      for: optional(form.for),
      keepFiringFor: optional(form.keepFiringFor),
      evaluationInterval: optional(form.evaluationInterval),
      noData: optional(form.noData),
      ...(form.condition ? { condition: form.condition } : { expr: form.expr.trim() }),
    },
  };
}
