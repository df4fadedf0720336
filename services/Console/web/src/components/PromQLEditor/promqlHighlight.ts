import { HighlightStyle } from "@codemirror/language";
import { tags } from "@lezer/highlight";

/** PromQL's token colours from the theme's variables (app.css), so both themes stay readable. */
export const promqlHighlight = HighlightStyle.define([
  { tag: tags.variableName, color: "var(--syntax-metric)" },
  { tag: tags.function(tags.variableName), color: "var(--syntax-function)" },
  { tag: [tags.operatorKeyword, tags.modifier, tags.logicOperator], color: "var(--syntax-keyword)", fontWeight: "600" },
  { tag: tags.labelName, color: "var(--syntax-label)" },
  { tag: tags.string, color: "var(--syntax-string)" },
  { tag: tags.number, color: "var(--syntax-number)" },
  { tag: [tags.operator, tags.arithmeticOperator], color: "var(--syntax-operator)" },
  { tag: tags.comment, color: "var(--text-muted)", fontStyle: "italic" },
  { tag: tags.invalid, color: "var(--bad)", textDecoration: "underline wavy" },
]);
