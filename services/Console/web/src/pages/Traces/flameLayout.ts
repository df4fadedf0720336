import type { SpanTree } from "./spanTree";

/** A box of the flame graph: the span's place in the trace's time (fractions 0..1) at its depth. */
export interface FlameBox {
  position: number;
  depth: number;
  left: number;
  width: number;
}

/**
 * The flame graph (an icicle on the trace's time axis): each span at its depth and time. Boxes narrower than
 * `minWidth` (a fraction of the width) are left out, so 10,000 spans draw only what can be seen and clicked.
 */
export function flameLayout(tree: SpanTree, minWidth: number): { boxes: FlameBox[]; depth: number; hidden: number } {
  const boxes: FlameBox[] = [];
  let depth = 0;
  let hidden = 0;
  tree.order.forEach((node, position) => {
    const width = node.span.durationNs / tree.durationNs;
    if (width < minWidth) {
      hidden++;
      return;
    }
    depth = Math.max(depth, node.depth + 1);
    boxes.push({ position, depth: node.depth, left: (node.span.startNs - tree.startNs) / tree.durationNs, width });
  });
  return { boxes, depth, hidden };
}
