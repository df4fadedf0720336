import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { logContext } from "../../api/logs";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { LogLineSummary } from "./LogLine";

/** The lines before and after a record from the same service and host, the record itself marked. */
export function ContextPanel({ id, onClose }: { id: string; onClose(): void }) {
  const context = useQuery({ queryKey: ["logs", "context", id], queryFn: ({ signal }) => logContext(id, 15, 15, signal) });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id]);
  return (
    <section className="card log-context" aria-labelledby="log-context-title">
      <div className="page-header">
        <h2 id="log-context-title" ref={heading} tabIndex={-1}>
          Context
        </h2>
        <button type="button" onClick={onClose}>
          Close context
        </button>
      </div>
      {context.isPending && <p className="loading">Loading…</p>}
      {context.error != null && <ErrorMessage error={context.error} context="Context" />}
      {context.data && (
        <ol className="log-context-lines" aria-label="Lines around the record, oldest first">
          {context.data.map((record) => (
            <li key={record.id} className={record.id === id ? "log-context-target" : undefined} aria-current={record.id === id ? "true" : undefined}>
              <LogLineSummary record={record} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
