import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { LayoutEngine } from "./elkEngine";
import { edgeLabel } from "./mapFormat";
import type { MapModel } from "./mapModel";

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox extends Point {
  width: number;
  height: number;
}

export interface EdgeRoute {
  points: Point[];
  /** Where ELK put the label (its top-left), sized as measured below. */
  label: NodeBox | null;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: Map<string, NodeBox>;
  edges: Map<string, EdgeRoute>;
}

export const nodeHeight = 46;
/** Roughly 7 px per character of the 12 px labels, so boxes fit their names without measuring text in the DOM. */
const charWidth = 7;
const labelHeight = 14;

export const nodeWidth = (name: string) => Math.max(110, Math.min(260, name.length * charWidth + 48));
const labelWidth = (text: string) => Math.ceil(text.length * 6) + 8;

/**
 * ELK's layered (Sugiyama) layout, left to right: callers before callees, crossings minimised, edges routed as
 * splines with their labels placed between layers. Spacing is what keeps 50 services readable: 90 px between
 * layers leaves room for an edge label, 28 px between nodes of a layer.
 */
export const layoutOptions: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.edgeRouting": "SPLINES",
  "elk.layered.spacing.nodeNodeBetweenLayers": "90",
  "elk.spacing.nodeNode": "28",
  "elk.spacing.edgeLabel": "4",
  "elk.layered.spacing.edgeNodeBetweenLayers": "24",
  "elk.edgeLabels.placement": "CENTER",
  "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  "elk.padding": "[top=20,left=20,bottom=20,right=20]",
};

/** The model as ELK's input graph: sized nodes, and edges with a label sized for their measures. */
export function elkGraph(model: MapModel): ElkNode {
  return {
    id: "map",
    layoutOptions,
    children: model.nodes.map((n) => ({ id: n.id, width: nodeWidth(n.id), height: nodeHeight })),
    edges: model.edges.map((e): ElkExtendedEdge => {
      const measures = e.measures ?? e.baseline;
      const text = measures ? edgeLabel(measures) : "";
      return {
        id: e.id,
        sources: [e.from],
        targets: [e.to],
        labels: text ? [{ id: `${e.id}:label`, text, width: labelWidth(text), height: labelHeight }] : [],
      };
    }),
  };
}

/** Lays the model out; positions are absolute in the returned width × height. */
export async function layoutMap(model: MapModel, engine: LayoutEngine): Promise<MapLayout> {
  const laid = await engine.layout(elkGraph(model));
  const nodes = new Map<string, NodeBox>();
  for (const child of laid.children ?? []) {
    nodes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
  }
  const edges = new Map<string, EdgeRoute>();
  for (const edge of (laid.edges ?? []) as ElkExtendedEdge[]) {
    const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    const label = edge.labels?.[0];
    edges.set(edge.id, {
      points,
      label: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : null,
    });
  }
  return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, edges };
}

/** A key that changes only when the graph's shape changes, so new measures on the same graph keep the layout. */
export function structureKey(model: MapModel): string {
  return [...model.nodes.map((n) => n.id).sort(), "|", ...model.edges.map((e) => e.id).sort()].join("\u0000");
}
