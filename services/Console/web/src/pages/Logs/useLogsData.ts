import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { logFacets, lokiQueryRange, searchLogs, type Facet, type LogRecord } from "../../api/logs";
import type { ResolvedRange } from "../../lib/timeRange";
import type { LevelBucket } from "./histogramData";
import { bucketsOf, joinPages, linesOf, nextEndNs } from "./lokiRecords";
import { histogramBuckets, histogramStepSeconds, logqlHistogram, logqlQuery, luceneQuery, type LogsState } from "./logsState";

export const pageSize = 100;

/** The facets the sidebar always shows (log-service's keyword fields); people add any other field. */
export const standardFacets = ["service", "level", "pattern_id"];

export interface LogsData {
  records: LogRecord[];
  total: number | undefined;
  totalIsLowerBound: boolean;
  buckets: LevelBucket[] | undefined;
  facets: Facet[] | undefined;
  error: unknown;
  facetsError: unknown;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  /** The query that ran, as log-service received it (for error positions). */
  ranQuery: string | undefined;
}

const toNs = (ms: number) => `${Math.round(ms)}000000`;

/** Records, histogram and facets for the state's query over `range`, in the query's language. */
export function useLogsData(state: LogsState, range: ResolvedRange | undefined, extraFacets: readonly string[]): LogsData {
  const lucene = state.lang === "lucene";
  const q = lucene ? luceneQuery(state.q, state.filters) : logqlQuery(state.q, state.filters);
  const filter = range ? { q, logql: lucene ? undefined : q, start: range.start, end: range.end } : undefined;
  const enabled = filter !== undefined && (lucene || state.q.trim() !== "");

  const search = useInfiniteQuery({
    queryKey: ["logs", "search", q, range?.start, range?.end],
    enabled: enabled && lucene,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => searchLogs(filter!, { limit: pageSize, cursor: pageParam, buckets: pageParam ? undefined : histogramBuckets }, signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

  // LogQL: log-service counts the labels the most matching lines carry (no fields named), over every match.
  const facetFields = lucene ? [...standardFacets, ...extraFacets.filter((f) => !standardFacets.includes(f))] : [];
  const facets = useQuery({
    queryKey: ["logs", "facets", state.lang, q, range?.start, range?.end, facetFields],
    enabled,
    queryFn: ({ signal }) => logFacets(filter!, facetFields, signal),
    placeholderData: keepPreviousData,
  });

  const lines = useInfiniteQuery({
    queryKey: ["logs", "logql", q, range?.start, range?.end],
    enabled: enabled && !lucene,
    initialPageParam: range ? toNs(range.end) : "",
    queryFn: async ({ pageParam, signal }) => linesOf(await lokiQueryRange(q!, toNs(range!.start), pageParam, { limit: pageSize, direction: "backward" }, signal)),
    getNextPageParam: (last) => nextEndNs(last, pageSize),
    placeholderData: keepPreviousData,
  });

  const step = range ? histogramStepSeconds(range.start, range.end) : 1;
  const histogram = useQuery({
    queryKey: ["logs", "logql-histogram", q, range?.start, range?.end],
    enabled: enabled && !lucene,
    queryFn: async ({ signal }) => bucketsOf(await lokiQueryRange(logqlHistogram(q!, step), toNs(range!.start), toNs(range!.end), { step }, signal)),
    placeholderData: keepPreviousData,
  });

  if (lucene) {
    const pages = search.data?.pages ?? [];
    const first = pages[0];
    return {
      records: pages.flatMap((p) => p.records),
      total: first?.total,
      totalIsLowerBound: first?.totalIsLowerBound ?? false,
      buckets: first?.histogram?.buckets.map((b) => ({ start: Math.round(b.startNs / 1e6), byLevel: b.byLevel })),
      facets: facets.data,
      error: search.error,
      facetsError: facets.error,
      loading: search.isPending && enabled,
      hasMore: search.hasNextPage,
      loadingMore: search.isFetchingNextPage,
      loadMore: () => void search.fetchNextPage(),
      ranQuery: q,
    };
  }

  const records = joinPages(lines.data?.pages ?? []);
  return {
    records,
    total: histogram.data?.reduce((sum, b) => sum + Object.values(b.byLevel).reduce((a, n) => a + n, 0), 0),
    totalIsLowerBound: false,
    buckets: histogram.data,
    facets: facets.data,
    error: lines.error ?? histogram.error,
    facetsError: facets.error,
    loading: lines.isPending && enabled,
    hasMore: lines.hasNextPage,
    loadingMore: lines.isFetchingNextPage,
    loadMore: () => void lines.fetchNextPage(),
    ranQuery: q,
  };
}
