import type { LogPattern, LogRecord, SearchAnswer } from "../../api/logs";
import { json } from "../../test/fetchMock";

/** Records as log-service answers them (for the explorer's tests). */
export function record(i: number, overrides: Partial<LogRecord> = {}): LogRecord {
  const ms = Date.UTC(2026, 0, 5, 10, 0, 0) - i * 1000;
  return {
    id: `r${i}`,
    timestamp: new Date(ms).toISOString(),
    timestampNs: ms * 1e6,
    level: i % 5 === 0 ? "error" : "info",
    message: `Failed password for user${i} from 10.0.0.${i % 9} port 22`,
    service: i % 2 === 0 ? "sshd" : "apache",
    traceId: i === 0 ? "4bf92f3577b34da6a3ce929d0e0e4736" : null,
    spanId: null,
    patternId: "p1",
    labels: { host: "LabSZ" },
    fields: { user: `user${i}` },
    stackTrace: null,
    ...overrides,
  };
}

export function searchAnswer(records: LogRecord[], nextCursor: string | null = null, total = records.length): SearchAnswer {
  return {
    records,
    total,
    totalIsLowerBound: false,
    nextCursor,
    histogram: {
      bucketNs: 60e9,
      buckets: [0, 1, 2].map((i) => ({ start: "", startNs: (Date.UTC(2026, 0, 5, 9, 58) + i * 60_000) * 1e6, total: 3, byLevel: { error: 1, info: 2 } })),
    },
  };
}

export const patterns: LogPattern[] = [
  {
    id: "p1",
    template: "Failed password for <*> from <*> port <*>",
    count: 40,
    firstSeen: "2026-01-05T09:00:00Z",
    lastSeen: "2026-01-05T10:00:00Z",
    sample: "Failed password for root from 10.0.0.1 port 22",
    byLevel: { info: 32, error: 8 },
    bucketNs: 120e9,
    counts: [1, 3, 5, 2],
  },
];

/** Every logs endpoint the explorer calls, answering the same small data set. */
export function logsRoutes() {
  return {
    "GET /api/logs/api/v1/logs/search": json(200, searchAnswer([record(0), record(1), record(2)])),
    "GET /api/logs/api/v1/logs/facets": json(200, [
      { field: "service", values: [{ value: "sshd", records: 2 }, { value: "apache", records: 1 }] },
      { field: "level", values: [{ value: "info", records: 2 }, { value: "error", records: 1 }] },
      { field: "pattern_id", values: [{ value: "p1", records: 3 }] },
    ]),
    "GET /api/logs/api/v1/logs/fields": json(200, [{ field: "service", records: 3 }, { field: "fields.user", records: 3 }]),
    "GET /api/logs/api/v1/logs/patterns": json(200, patterns),
  };
}
