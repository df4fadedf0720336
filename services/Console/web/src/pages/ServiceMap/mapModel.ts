import type { ChangeView, GraphComparison, GraphEdge, GraphNode, GraphView, Measures, NodeKind } from "../../api/serviceMap";

/** How an element changed against the baseline window; "none" when nothing is compared. */
export type Tone = "none" | "same" | "better" | "worse" | "new" | "vanished";

export interface MapNode {
  id: string;
  kind: NodeKind;
  /** What it received in the current window (null when it vanished). */
  measures: Measures | null;
  baseline: Measures | null;
  change: ChangeView | null;
  tone: Tone;
}

export interface MapEdge {
  id: string;
  from: string;
  to: string;
  measures: Measures | null;
  baseline: Measures | null;
  change: ChangeView | null;
  tone: Tone;
}

export interface MapModel {
  nodes: MapNode[];
  edges: MapEdge[];
  comparing: boolean;
}

/**
 * What counts as a change worth colouring: an error rate up or down by at least one percentage point, or a p95
 * at least 20 % slower or faster. Smaller moves are the noise of one-minute buckets at modest traffic.
 */
export const thresholds = { errorRatePoints: 0.01, p95Ratio: 1.2 } as const;

export const edgeId = (from: string, to: string) => `${from}\u2192${to}`;

export function toneOf(change: ChangeView | null): Tone {
  if (!change) return "none";
  if (change.change === "new") return "new";
  if (change.change === "vanished") return "vanished";
  const slower = change.p95Ratio !== null && change.p95Ratio >= thresholds.p95Ratio;
  const faster = change.p95Ratio !== null && change.p95Ratio <= 1 / thresholds.p95Ratio;
  if (change.errorRateChange >= thresholds.errorRatePoints || slower) return "worse";
  if (change.errorRateChange <= -thresholds.errorRatePoints || faster) return "better";
  return "same";
}

function nodeOf(name: string, kind: NodeKind, measures: Measures | null, baseline: Measures | null, change: ChangeView | null, comparing: boolean): MapNode {
  return { id: name, kind, measures, baseline, change, tone: comparing ? toneOf(change) : "none" };
}

/**
 * The map's elements from one window's graph, or from a comparison: the current window's nodes and edges, plus the
 * baseline's vanished ones (drawn dashed), each with its change. Every edge's ends are nodes, even when a graph
 * lists only its edge (a callee kind comes from the edge).
 */
export function mapModel(graph: GraphView | undefined, comparison?: GraphComparison): MapModel {
  const current = comparison?.current ?? graph;
  if (!current) return { nodes: [], edges: [], comparing: false };
  const comparing = comparison !== undefined;
  const baselineNodes = new Map<string, GraphNode>((comparison?.baseline.nodes ?? []).map((n) => [n.name, n]));
  const baselineEdges = new Map<string, GraphEdge>((comparison?.baseline.edges ?? []).map((e) => [edgeId(e.from, e.to), e]));
  const nodeChanges = new Map<string, ChangeView>((comparison?.nodes ?? []).flatMap((c) => (c.node ? [[c.node, c] as const] : [])));
  const edgeChanges = new Map<string, ChangeView>((comparison?.edges ?? []).flatMap((c) => (c.from && c.to ? [[edgeId(c.from, c.to), c] as const] : [])));

  const nodes = new Map<string, MapNode>();
  const addNode = (name: string, kind: NodeKind, measures: Measures | null) => {
    if (nodes.has(name)) return;
    nodes.set(name, nodeOf(name, kind, measures, baselineNodes.get(name)?.measures ?? null, nodeChanges.get(name) ?? null, comparing));
  };
  for (const n of current.nodes) addNode(n.name, n.kind, n.measures);
  const edges: MapEdge[] = current.edges.map((e) => {
    const id = edgeId(e.from, e.to);
    const change = edgeChanges.get(id) ?? null;
    return { id, from: e.from, to: e.to, measures: e.measures, baseline: baselineEdges.get(id)?.measures ?? null, change, tone: comparing ? toneOf(change) : "none" };
  });
  for (const e of current.edges) {
    addNode(e.from, "service", null);
    addNode(e.to, e.toKind, null);
  }
  if (comparison) {
    const present = new Set(edges.map((e) => e.id));
    for (const e of comparison.baseline.edges) {
      const id = edgeId(e.from, e.to);
      if (present.has(id)) continue;
      const change = edgeChanges.get(id) ?? vanishedChange(e);
      edges.push({ id, from: e.from, to: e.to, measures: null, baseline: e.measures, change, tone: toneOf(change) });
      for (const [name, kind] of [[e.from, baselineNodes.get(e.from)?.kind ?? "service"], [e.to, e.toKind]] as const) {
        if (!nodes.has(name)) {
          const nodeChange = nodeChanges.get(name) ?? null;
          nodes.set(name, { ...nodeOf(name, kind, null, baselineNodes.get(name)?.measures ?? null, nodeChange, true), tone: nodeChange ? toneOf(nodeChange) : "vanished" });
        }
      }
    }
  }
  return { nodes: [...nodes.values()], edges, comparing };
}

function vanishedChange(e: GraphEdge): ChangeView {
  return { from: e.from, to: e.to, node: null, change: "vanished", callsPerSecondChange: -e.measures.callsPerSecond, errorRateChange: 0, p95ChangeMs: 0, p95Ratio: null };
}
