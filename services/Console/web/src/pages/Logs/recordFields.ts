import type { LogRecord } from "../../api/logs";

/** One row of an expanded record: the name a filter uses, the value, and whether it can filter at all. */
export interface RecordField {
  label: string;
  field: string;
  value: string;
  filterable: boolean;
}

/**
 * A record's fields in the order a person reads them. For a Lucene search the filter names are log-service's field
 * names (`labels.host`, `fields.user_id`); a LogQL line has only its stream labels, which filter by their own name.
 */
export function recordFields(record: LogRecord, lang: "lucene" | "logql"): RecordField[] {
  const rows: RecordField[] = [];
  const add = (label: string, field: string, value: string | null | undefined, filterable = true) => {
    if (value !== null && value !== undefined && value !== "") rows.push({ label, field, value, filterable });
  };
  if (lang === "logql") {
    add("timestamp", "timestamp", record.timestamp, false);
    for (const [name, value] of Object.entries(record.labels).sort(([a], [b]) => a.localeCompare(b))) add(name, name, value);
    return rows;
  }
  add("timestamp", "timestamp", record.timestamp, false);
  add("level", "level", record.level);
  add("service", "service", record.service);
  add("trace_id", "trace_id", record.traceId);
  add("span_id", "span_id", record.spanId);
  add("pattern_id", "pattern_id", record.patternId);
  for (const [name, value] of Object.entries(record.labels).sort(([a], [b]) => a.localeCompare(b))) add(`labels.${name}`, `labels.${name}`, value);
  for (const [name, value] of Object.entries(record.fields).sort(([a], [b]) => a.localeCompare(b))) add(name, `fields.${name}`, value);
  add("id", "id", record.id);
  return rows;
}

/** The trace a record belongs to, for the link to the trace view. */
export function traceIdOf(record: LogRecord): string | undefined {
  return record.traceId ?? record.labels.trace_id ?? record.fields.trace_id ?? undefined;
}
