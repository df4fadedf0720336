import { useMemo } from "react";
import { formatNs } from "./formatNs";
import { flameLayout } from "./flameLayout";
import { textOn } from "./serviceColors";
import type { SpanTree } from "./spanTree";

export interface FlameGraphProps {
  tree: SpanTree;
  colorOf(service: string): string;
  critical: ReadonlySet<string>;
  selected: string | null;
  onSelect(spanId: string): void;
}

const boxHeight = 22;
/** Boxes narrower than 0.2% of the trace (about 2 px) are left out; the caption counts them. */
const minWidth = 0.002;

/** The trace as a flame graph (an icicle on its time axis): each span under its parent, as wide as it lasted. */
export function FlameGraph({ tree, colorOf, critical, selected, onSelect }: FlameGraphProps) {
  const layout = useMemo(() => flameLayout(tree, minWidth), [tree]);
  return (
    <figure className="flame" aria-label="Flame graph">
      <div className="flame-boxes" style={{ height: layout.depth * boxHeight }}>
        {layout.boxes.map((box) => {
          const span = tree.order[box.position]!.span;
          return (
            <button
              key={span.spanId}
              type="button"
              className={`flame-box${critical.has(span.spanId) ? " critical" : ""}${selected === span.spanId ? " selected" : ""}`}
              style={{ left: `${box.left * 100}%`, width: `${box.width * 100}%`, top: box.depth * boxHeight, height: boxHeight - 2, background: colorOf(span.service), color: textOn(colorOf(span.service)) }}
              title={`${span.service}: ${span.name} ${formatNs(span.durationNs)}`}
              aria-label={`${span.service}: ${span.name} ${formatNs(span.durationNs)}`}
              onClick={() => onSelect(span.spanId)}
            >
              {span.name}
            </button>
          );
        })}
      </div>
      <figcaption className="muted">
        {layout.boxes.length} spans drawn{layout.hidden > 0 ? `, ${layout.hidden} too short to draw at this width` : ""}; outlined boxes are on the critical path.
      </figcaption>
    </figure>
  );
}
