import { useEffect, useState } from "react";
import { ApiError } from "../../api/ApiError";
import { locateError, type QueryLanguage } from "./logsState";

export interface LogQueryBarProps {
  q: string;
  lang: QueryLanguage;
  error: unknown;
  /** The text log-service ran (with the facet filters), which the error's position refers to. */
  ranQuery: string | undefined;
  onRun(q: string): void;
  onLanguage(lang: QueryLanguage): void;
}

const placeholders: Record<QueryLanguage, string> = {
  lucene: 'Lucene: timeout AND level:error, service:sshd -"Accepted password"',
  logql: 'LogQL: {service_name="sshd"} |= "Failed password"',
};

/** The query and its language; Enter runs it. A parse error is shown under it with a caret at the place it names. */
export function LogQueryBar({ q, lang, error, ranQuery, onRun, onLanguage }: LogQueryBarProps) {
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const message = error instanceof ApiError ? (error.fieldErrors.q?.join(" ") ?? error.detail ?? error.title) : undefined;
  const queryError = error instanceof ApiError && error.status === 400 && message !== undefined;
  const at = queryError && ranQuery ? locateError(ranQuery, message) : undefined;
  return (
    <form
      className="log-query"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onRun(draft);
      }}
    >
      <div role="radiogroup" aria-label="Query language" className="segmented">
        {(["lucene", "logql"] as const).map((l) => (
          <button key={l} type="button" role="radio" aria-checked={lang === l} onClick={() => onLanguage(l)}>
            {l === "lucene" ? "Lucene" : "LogQL"}
          </button>
        ))}
      </div>
      <input
        type="search"
        aria-label="Log query"
        aria-invalid={queryError || undefined}
        aria-describedby={queryError ? "log-query-error" : undefined}
        placeholder={placeholders[lang]}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        spellCheck={false}
      />
      <button type="submit" className="primary">
        Search
      </button>
      {queryError && (
        <div id="log-query-error" className="error-message log-query-error" role="alert">
          <strong>The query cannot run</strong>
          <p>{message}</p>
          {at && ranQuery && (
            <pre aria-label={`at line ${at.line}, column ${at.column}`}>
              {ranQuery.slice(0, at.offset)}
              <mark>{ranQuery.slice(at.offset, at.offset + 1) || " "}</mark>
              {ranQuery.slice(at.offset + 1)}
              {"\n" + " ".repeat(Math.max(0, at.column - 1)) + "^"}
            </pre>
          )}
        </div>
      )}
    </form>
  );
}
