import type { QueryData } from "../../lib/prometheus";

export interface QueryStats {
  series: number;
  points: number;
}

/** How much a query returned: series, and samples across them (a scalar or string is one point). */
export function queryStats(data: QueryData): QueryStats {
  switch (data.resultType) {
    case "matrix":
      return { series: data.result.length, points: data.result.reduce((sum, s) => sum + (s.values?.length ?? 0) + (s.histograms?.length ?? 0), 0) };
    case "vector":
      return { series: data.result.length, points: data.result.length };
    default:
      return { series: 1, points: 1 };
  }
}
