import { memo, type KeyboardEvent } from "react";
import { describeEdge, describeNode, edgeText, nodeDetail } from "./describeElement";
import { edgePath } from "./edgePath";
import type { MapLayout } from "./layoutMap";
import type { MapEdge, MapModel, MapNode, Tone } from "./mapModel";
import type { Selection } from "./selection";

export interface ServiceGraphProps {
  model: MapModel;
  layout: MapLayout;
  selection: Selection | null;
  onSelect(selection: Selection): void;
  /** Draw at the layout's own size (scrolling) instead of fitting the width. */
  actualSize: boolean;
}

const minFitScale = 0.8;
const tones: Tone[] = ["none", "same", "better", "worse", "new", "vanished"];
const kindGlyph = { service: "", database: "DB", queue: "Q", external: "EXT" } as const;

function activate(event: KeyboardEvent, select: () => void) {
  if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    select();
  }
}

function NodeShape({ node, box, selected, onSelect }: { node: MapNode; box: { x: number; y: number; width: number; height: number }; selected: boolean; onSelect(): void }) {
  return (
    <g
      className={`map-node kind-${node.kind} tone-${node.tone}${selected ? " selected" : ""}`}
      transform={`translate(${box.x} ${box.y})`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={describeNode(node)}
      data-node={node.id}
      data-tone={node.tone}
      onClick={onSelect}
      onKeyDown={(e) => activate(e, onSelect)}
    >
      <rect width={box.width} height={box.height} rx={node.kind === "database" ? 14 : node.kind === "queue" ? 2 : 6} />
      {/* One text with a space between its lines, so its words read "name detail" as the accessible name does. */}
      <text>
        <tspan className="map-node-name" x={10} y={19}>{node.id}</tspan>{" "}
        <tspan className="map-node-detail" x={10} y={36}>{nodeDetail(node)}</tspan>
      </text>
      {/* Parenthesised, as in the accessible name's "(database)": a glyph, not words to match. */}
      {kindGlyph[node.kind] && (
        <text className="map-node-kind" x={box.width - 8} y={36} textAnchor="end">({kindGlyph[node.kind]})</text>
      )}
    </g>
  );
}

function EdgeShape({ edge, layout, selected, onSelect }: { edge: MapEdge; layout: MapLayout; selected: boolean; onSelect(): void }) {
  const route = layout.edges.get(edge.id);
  if (!route || route.points.length < 2) return null;
  const d = edgePath(route.points);
  const text = edgeText(edge);
  return (
    <g
      className={`map-edge tone-${edge.tone}${selected ? " selected" : ""}`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={describeEdge(edge)}
      data-edge={edge.id}
      data-tone={edge.tone}
      onClick={onSelect}
      onKeyDown={(e) => activate(e, onSelect)}
    >
      <path className="map-edge-hit" d={d} />
      <path className="map-edge-line" d={d} markerEnd={`url(#map-arrow-${edge.tone})`} />
      {route.label && text && (
        <text className="map-edge-label" x={route.label.x + route.label.width / 2} y={route.label.y + route.label.height - 3} textAnchor="middle">
          {text}
        </text>
      )}
    </g>
  );
}

/**
 * The map as plain SVG (no diagram library: the screen's chunk stays small): nodes are boxes by kind (rounded for
 * databases, square for queues, a tag for external peers), edges ELK's routes with their calls/s, error rate and
 * p95. Every node and edge is a button (Tab, Enter) whose accessible name carries its measures and change; colour
 * is never the only cue (new and vanished are also written, vanished edges are dashed).
 */
export const ServiceGraph = memo(function ServiceGraph({ model, layout, selection, onSelect, actualSize }: ServiceGraphProps) {
  const isNode = (id: string) => selection?.kind === "node" && selection.name === id;
  const isEdge = (e: MapEdge) => selection?.kind === "edge" && selection.from === e.from && selection.to === e.to;
  const width = Math.max(layout.width, 200);
  const height = Math.max(layout.height, 100);
  return (
    <svg
      className="map-svg"
      viewBox={`0 0 ${width} ${height}`}
      width={actualSize ? width : "100%"}
      height={actualSize ? height : undefined}
      role="group"
      aria-label={`Service map: ${model.nodes.length} nodes, ${model.edges.length} edges`}
      preserveAspectRatio="xMinYMin meet"
      // Fitting never enlarges a small map, nor shrinks a wide one below 80 % (12 px labels stay ~10 px): the canvas scrolls.
      style={actualSize ? undefined : { maxWidth: width, minWidth: Math.round(width * minFitScale) }}
    >
      <defs>
        {tones.map((tone) => (
          <marker key={tone} id={`map-arrow-${tone}`} className={`map-arrow tone-${tone}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        ))}
      </defs>
      <g className="map-edges">
        {model.edges.map((e) => (
          <EdgeShape key={e.id} edge={e} layout={layout} selected={isEdge(e)} onSelect={() => onSelect({ kind: "edge", from: e.from, to: e.to })} />
        ))}
      </g>
      <g className="map-nodes">
        {model.nodes.map((n) => {
          const box = layout.nodes.get(n.id);
          return box ? <NodeShape key={n.id} node={n} box={box} selected={isNode(n.id)} onSelect={() => onSelect({ kind: "node", name: n.id })} /> : null;
        })}
      </g>
    </svg>
  );
});
