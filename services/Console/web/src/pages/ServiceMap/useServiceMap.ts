import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { compareGraphs, dependencyGraph } from "../../api/serviceMap";
import type { ResolvedRange } from "../../lib/timeRange";
import { layoutEngine } from "./elkEngine";
import { layoutMap, structureKey } from "./layoutMap";
import { mapModel } from "./mapModel";

/**
 * The map's data: one window's graph, or two compared (one call: trace-service compares), the model drawn from it,
 * and its ELK layout, kept while only the measures change (the layout's key is the graph's shape). A moved window
 * keeps showing the previous answer until the new one arrives.
 */
export function useServiceMap(current: ResolvedRange | null, baseline: ResolvedRange | null) {
  const graph = useQuery({
    queryKey: ["service-map", "graph", current?.start, current?.end],
    queryFn: ({ signal }) => dependencyGraph(current!, signal),
    enabled: current !== null && baseline === null,
    placeholderData: keepPreviousData,
  });
  const comparison = useQuery({
    queryKey: ["service-map", "compare", current?.start, current?.end, baseline?.start, baseline?.end],
    queryFn: ({ signal }) => compareGraphs(current!, baseline!, signal),
    enabled: current !== null && baseline !== null,
    placeholderData: keepPreviousData,
  });
  const answer = baseline ? comparison : graph;
  const model = useMemo(
    () => (baseline ? mapModel(undefined, comparison.data) : mapModel(graph.data)),
    [baseline, comparison.data, graph.data],
  );
  const shape = structureKey(model);
  const layout = useQuery({
    queryKey: ["service-map", "layout", shape],
    queryFn: async () => layoutMap(model, await layoutEngine()),
    enabled: model.nodes.length > 0,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
  return { answer, model, layout };
}
