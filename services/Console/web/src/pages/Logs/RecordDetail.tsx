import { Link } from "react-router";
import type { LogRecord } from "../../api/logs";
import type { FieldFilter, QueryLanguage } from "./logsState";
import { recordFields, traceIdOf } from "./recordFields";

export interface RecordDetailProps {
  record: LogRecord;
  lang: QueryLanguage;
  onFilter(filter: FieldFilter): void;
  onContext?: (() => void) | undefined;
}

/** An expanded record: every field (click a value to keep only records with it, or exclude it), its trace and context. */
export function RecordDetail({ record, lang, onFilter, onContext }: RecordDetailProps) {
  const traceId = traceIdOf(record);
  return (
    <div className="log-detail">
      <div className="toolbar">
        {traceId && (
          <Link className="button" to={`/traces/${encodeURIComponent(traceId)}`}>
            Open trace {traceId.slice(0, 12)}
          </Link>
        )}
        {onContext && (
          <button type="button" onClick={onContext}>
            Show context
          </button>
        )}
      </div>
      <pre className="log-detail-message">{record.message}</pre>
      {record.stackTrace && <pre className="log-detail-stack">{record.stackTrace}</pre>}
      <table className="data log-fields">
        <caption className="visually-hidden">Fields of the record</caption>
        <tbody>
          {recordFields(record, lang).map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>
                {row.filterable ? (
                  <>
                    <button type="button" className="link" title="Filter: only records with this value" onClick={() => onFilter({ field: row.field, value: row.value, exclude: false })}>
                      {row.value}
                    </button>{" "}
                    <button type="button" className="facet-exclude" aria-label={`Exclude ${row.label} ${row.value}`} onClick={() => onFilter({ field: row.field, value: row.value, exclude: true })}>
                      −
                    </button>
                  </>
                ) : (
                  row.value
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
