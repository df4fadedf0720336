import { getJson, queryString } from "./client";

// trace-service's dependency graph (services/TraceService/Apis/Dependencies: DependenciesApi, DependencyViews).

export type NodeKind = "service" | "database" | "queue" | "external";

/** Calls, rate, errors and percentiles of a window (ms); rates and percentiles null when there were no calls. */
export interface Measures {
  calls: number;
  callsPerSecond: number;
  errors: number;
  errorRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  exemplarTraceId: string | null;
}

/** A node's measures are the calls it received. */
export interface GraphNode {
  name: string;
  kind: NodeKind;
  measures: Measures;
  outgoingCalls: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  toKind: NodeKind;
  measures: Measures;
}

export interface GraphView {
  start: string;
  end: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** One edge's (from, to) or node's (node) change, current − baseline. */
export interface ChangeView {
  from: string | null;
  to: string | null;
  node: string | null;
  change: "new" | "vanished" | "compared";
  callsPerSecondChange: number;
  errorRateChange: number;
  p95ChangeMs: number;
  p95Ratio: number | null;
}

export interface GraphComparison {
  current: GraphView;
  baseline: GraphView;
  edges: ChangeView[];
  nodes: ChangeView[];
  newEdges: Array<{ from: string; to: string }>;
  vanishedEdges: Array<{ from: string; to: string }>;
  newNodes: string[];
  vanishedNodes: string[];
}

export interface Window {
  start: number;
  end: number;
}

const base = "/api/traces/api/v1/dependencies";

/** The graph of [start, end) (epoch ms; trace-service reads Unix ms and answers to the minute). */
export function dependencyGraph(window: Window, signal?: AbortSignal): Promise<GraphView> {
  return getJson<GraphView>(`${base}${queryString({ start: window.start, end: window.end })}`, { signal });
}

/** The graph of `current` compared with `baseline`: every edge's and node's change, and what appeared or vanished. */
export function compareGraphs(current: Window, baseline: Window, signal?: AbortSignal): Promise<GraphComparison> {
  const search = queryString({ start: current.start, end: current.end, compareStart: baseline.start, compareEnd: baseline.end });
  return getJson<GraphComparison>(`${base}${search}`, { signal });
}
