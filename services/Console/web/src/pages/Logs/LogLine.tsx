import type { LogRecord } from "../../api/logs";
import { formatTimestamp } from "../../lib/timeRange";

/** The one-line summary of a record: time, level, service, message. */
export function LogLineSummary({ record }: { record: LogRecord }) {
  return (
    <>
      <time className="log-time" dateTime={record.timestamp}>
        {formatTimestamp(Date.parse(record.timestamp))}
      </time>
      <span className={`log-level level-${record.level}`}>{record.level}</span>
      <span className="log-service">{record.service}</span>
      <span className="log-message">{record.message}</span>
    </>
  );
}
