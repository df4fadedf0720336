import { useEffect, useRef, useState } from "react";
import { tailUrl, type LogRecord } from "../../api/logs";
import type { FieldFilter } from "./logsState";
import { RecordList } from "./RecordList";
import { prependLines, tailCap } from "./tailBuffer";

type Connection = "connecting" | "open" | "reconnecting";

/**
 * Live tail over Server-Sent Events from log-service (through the console's proxy): new records on top, at most
 * {@link tailCap} kept. Pausing keeps the stream open and holds what arrives; resuming shows it.
 */
export function LiveTail({ q, onFilter }: { q: string | undefined; onFilter(filter: FieldFilter): void }) {
  const [lines, setLines] = useState<LogRecord[]>([]);
  const [paused, setPaused] = useState(false);
  const [held, setHeld] = useState<LogRecord[]>([]);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [open, setOpen] = useState<string>();
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    setLines([]);
    setHeld([]);
    setConnection("connecting");
    const source = new EventSource(tailUrl(q));
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
    source.addEventListener("error", () => setConnection("reconnecting"));
    source.addEventListener("log", (event) => {
      batch.push(JSON.parse((event as MessageEvent<string>).data) as LogRecord);
      timer ??= setTimeout(flush, 100);
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [q]);

  const resume = () => {
    setLines((kept) => prependLines(kept, held));
    setHeld([]);
    setPaused(false);
  };

  return (
    <section className="live-tail" aria-label="Live tail">
      <div className="toolbar">
        <span className={`badge ${connection === "open" ? "ok" : "warn"}`} role="status">
          {connection === "open" ? (paused ? "Paused" : "Live") : connection === "connecting" ? "Connecting…" : "Reconnecting…"}
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
      <RecordList
        records={lines}
        lang="lucene"
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
