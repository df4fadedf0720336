import type { SpanOutline, TraceOutline } from "../../api/traces";

/** A span in the trace's tree, in depth-first (waterfall) order. */
export interface TreeSpan {
  span: SpanOutline;
  depth: number;
  /** Index of the parent in {@link SpanTree.order}, -1 for a root. */
  parent: number;
  childCount: number;
  /** Spans below it, all levels: its subtree is order[index + 1 .. index + descendants]. */
  descendants: number;
}

export interface SpanTree {
  order: TreeSpan[];
  /** spanId → index in order. */
  index: Map<string, number>;
  startNs: number;
  durationNs: number;
  services: string[];
}

/**
 * The trace's tree (trace-service's, clock skew adjusted), which the outline already lists depth-first with children in
 * start order: each span's depth, child count and subtree size in two passes, no recursion; O(spans).
 */
export function buildSpanTree(trace: TraceOutline): SpanTree {
  const order: TreeSpan[] = new Array(trace.spans.length);
  const index = new Map<string, number>();
  for (let i = 0; i < order.length; i++) {
    const span = trace.spans[i]!;
    const parent = span.parent >= 0 && span.parent < i ? span.parent : -1;
    order[i] = { span, depth: parent >= 0 ? order[parent]!.depth + 1 : 0, parent, childCount: 0, descendants: 0 };
    if (parent >= 0) order[parent]!.childCount++;
    index.set(span.spanId, i);
  }
  // Depth-first order: every span's subtree follows it, so counting back from the end sums each subtree once.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    if (node.parent >= 0) order[node.parent]!.descendants += node.descendants + 1;
  }
  return { order, index, startNs: trace.startNs, durationNs: Math.max(1, trace.durationNs), services: trace.services };
}

export interface SpanFilter {
  /** Only spans of these services (and the spans above them); empty: every service. */
  services: ReadonlySet<string>;
  /** Case-insensitive text in the name, service, span id or an attribute value. */
  text: string;
}

export function spanMatches(span: SpanOutline, filter: SpanFilter): boolean {
  if (filter.services.size > 0 && !filter.services.has(span.service)) return false;
  const text = filter.text.trim().toLowerCase();
  if (!text) return true;
  if (span.name.toLowerCase().includes(text) || span.service.toLowerCase().includes(text) || span.spanId.includes(text)) return true;
  for (const [key, value] of span.attributes) {
    if (key.toLowerCase().includes(text) || value.toLowerCase().includes(text)) return true;
  }
  return false;
}

export function isFiltering(filter: SpanFilter): boolean {
  return filter.services.size > 0 || filter.text.trim() !== "";
}

/** A waterfall row: the span, whether it matched the filter (false: shown as the path to a match). */
export interface Row {
  node: TreeSpan;
  position: number;
  collapsed: boolean;
  matched: boolean;
}

/**
 * The rows the waterfall shows: collapsed subtrees skipped, and while filtering only the matches and their ancestors.
 * O(spans).
 */
export function visibleRows(tree: SpanTree, collapsed: ReadonlySet<string>, filter: SpanFilter): Row[] {
  const { order } = tree;
  const filtering = isFiltering(filter);
  let keep: Uint8Array | null = null;
  if (filtering) {
    keep = new Uint8Array(order.length);
    for (let i = order.length - 1; i >= 0; i--) {
      if (!spanMatches(order[i]!.span, filter)) continue;
      keep[i] = 2;
      for (let p = order[i]!.parent; p >= 0 && keep[p] === 0; p = order[p]!.parent) keep[p] = 1;
    }
  }
  const rows: Row[] = [];
  for (let i = 0; i < order.length; i++) {
    if (keep && keep[i] === 0) continue;
    const node = order[i]!;
    const isCollapsed = collapsed.has(node.span.spanId);
    rows.push({ node, position: i, collapsed: isCollapsed, matched: !keep || keep[i] === 2 });
    if (isCollapsed) i += node.descendants;
  }
  return rows;
}
