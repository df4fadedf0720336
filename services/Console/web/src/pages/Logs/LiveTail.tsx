import { useEffect, useRef, useState } from "react";
import { tailUrl, type LogRecord } from "../../api/logs";
import type { FieldFilter, QueryLanguage } from "./logsState";
import { RecordList } from "./RecordList";
import { prependLines, tailCap } from "./tailBuffer";

type Connection = "connecting" | "open" | "reconnecting";

/** A tailed record as a LogQL line lists it: its stream labels include service_name and detected_level, as in query results. */
function asLogQlLine(record: LogRecord): LogRecord {
  return { ...record, labels: { ...record.labels, service_name: record.service, detected_level: record.level } };
}

/**
 * Live tail over Server-Sent Events from log-service (through the console's proxy) of a Lucene query or a LogQL log
 * query: new records on top, at most {@link tailCap} kept. Pausing keeps the stream open and holds what arrives;
 * resuming shows it. A LogQL tail that log-service ends with an error (the query grew too costly) shows the reason.
 */
export function LiveTail({ q, lang = "lucene", onFilter }: { q: string | undefined; lang?: QueryLanguage; onFilter(filter: FieldFilter): void }) {
  const [lines, setLines] = useState<LogRecord[]>([]);
  const [paused, setPaused] = useState(false);
  const [held, setHeld] = useState<LogRecord[]>([]);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [open, setOpen] = useState<string>();
  const [ended, setEnded] = useState<string>();
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    setLines([]);
    setHeld([]);
    setConnection("connecting");
    setEnded(undefined);
    const logql = lang === "logql";
    const source = new EventSource(tailUrl(logql ? { logql: q } : { q }));
    let batch: LogRecord[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Lines arrive in bursts; one state update per burst keeps a fast stream cheap to draw.
    const flush = () => {
      timer = undefined;
      const arrived = batch;
      batch = [];
      if (pausedRef.current) setHeld((h) => [...h, ...arrived].slice(-tailCap));
      else setLines((kept) => prependLines(kept, arrived));
    };
    source.addEventListener("open", () => setConnection("open"));
    source.addEventListener("error", (event) => {
      const reason = (event as MessageEvent<string>).data;
      // log-service's own `event: error` carries why the tail stopped; a dropped connection has no data and reconnects.
      if (typeof reason === "string" && reason !== "") {
        setEnded(JSON.parse(reason) as string);
        source.close();
      }
      setConnection("reconnecting");
    });
    source.addEventListener("log", (event) => {
      const record = JSON.parse((event as MessageEvent<string>).data) as LogRecord;
      batch.push(logql ? asLogQlLine(record) : record);
      timer ??= setTimeout(flush, 100);
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [q, lang]);

  const resume = () => {
    setLines((kept) => prependLines(kept, held));
    setHeld([]);
    setPaused(false);
  };

  return (
    <section className="live-tail" aria-label="Live tail">
      <div className="toolbar">
        <span className={`badge ${connection === "open" ? "ok" : "warn"}`} role="status">
          {ended ? "Stopped" : connection === "open" ? (paused ? "Paused" : "Live") : connection === "connecting" ? "Connecting…" : "Reconnecting…"}
        </span>
        {paused ? (
          <button type="button" onClick={resume}>
            Resume{held.length > 0 ? ` (${held.length} new)` : ""}
          </button>
        ) : (
          <button type="button" onClick={() => setPaused(true)}>
            Pause
          </button>
        )}
        <span className="muted">
          {lines.length} lines (keeps the newest {tailCap.toLocaleString("en")})
        </span>
        <button type="button" onClick={() => setLines([])}>
          Clear
        </button>
      </div>
      {ended && (
        <p role="alert" className="error-message">
          The tail stopped: {ended}
        </p>
      )}
      <RecordList
        records={lines}
        lang={lang}
        open={open}
        onOpen={setOpen}
        onFilter={onFilter}
        hasMore={false}
        loadingMore={false}
        onLoadMore={() => {}}
        label="Tailed records"
        endText={null}
      />
    </section>
  );
}
