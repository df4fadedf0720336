import type { UseQueryResult } from "@tanstack/react-query";
import { ApiError } from "../../api/ApiError";
import type { QueryAnswer } from "../../api/metrics";
import { PromQLEditor } from "../../components/PromQLEditor/PromQLEditor";
import { locateQueryError, type QueryErrorPosition } from "../../lib/promqlError";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { queryStats } from "./queryStats";

export interface QueryRowProps {
  name: string;
  draft: string;
  /** The text that ran (the URL's), which the result and its error belong to. */
  ran: string;
  enabled: boolean;
  result: UseQueryResult<QueryAnswer> | undefined;
  canRemove: boolean;
  onDraft(value: string): void;
  onRun(): void;
  onToggle(): void;
  onRemove(): void;
}

function ErrorExcerpt({ query, at }: { query: string; at: QueryErrorPosition }) {
  const line = query.split("\n")[at.line - 1] ?? "";
  const lineStart = query.split("\n").slice(0, at.line - 1).reduce((n, l) => n + l.length + 1, 0);
  const caret = " ".repeat(Math.max(0, at.from - lineStart)) + "^".repeat(Math.max(1, Math.min(at.to, lineStart + line.length) - at.from));
  return (
    <pre className="query-error-excerpt" aria-label={`Error at line ${at.line}, column ${at.column}`}>
      {line}
      {"\n"}
      {caret}
    </pre>
  );
}

const numberFormat = new Intl.NumberFormat("en");

/** One query: its editor, a switch to hide it, its statistics, and its error pointing into the text. */
export function QueryRow({ name, draft, ran, enabled, result, canRemove, onDraft, onRun, onToggle, onRemove }: QueryRowProps) {
  const error = result?.error;
  const message = error instanceof ApiError ? error.detail ?? error.title : undefined;
  const at = message && draft === ran ? locateQueryError(ran, message) : undefined;
  const stats = result?.data ? queryStats(result.data.data) : undefined;

  return (
    <li className="query-row">
      <div className="query-row-main">
        <span className="query-name" aria-hidden="true">{name}</span>
        <label className="inline" title="Show this query's results">
          <input type="checkbox" checked={enabled} onChange={onToggle} aria-label={`Query ${name} enabled`} />
        </label>
        <PromQLEditor label={`Query ${name}`} value={draft} onChange={onDraft} onRun={onRun} error={at} />
        <button type="button" onClick={onRemove} disabled={!canRemove} aria-label={`Remove query ${name}`}>
          Remove
        </button>
      </div>
      <div className="query-row-status" aria-live="polite">
        {result?.isFetching && <span className="muted">Running…</span>}
        {stats && result?.data && !result.isFetching && (
          <span className="muted" data-testid={`stats-${name}`}>
            {numberFormat.format(stats.series)} series · {numberFormat.format(stats.points)} points · {Math.round(result.data.tookMs)} ms
          </span>
        )}
        {result?.data?.warnings.map((warning) => (
          <span key={warning} className="query-warning">Warning: {warning}</span>
        ))}
        {error != null && (
          <>
            <ErrorMessage error={error} context={`Query ${name}`} />
            {at && <ErrorExcerpt query={ran} at={at} />}
          </>
        )}
      </div>
    </li>
  );
}
