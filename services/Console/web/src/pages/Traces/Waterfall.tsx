import { useState, type UIEvent } from "react";
import { visibleWindow } from "../../components/VirtualTable/visibleWindow";
import type { BarSegment } from "./criticalPath";
import { formatNs, rulerTicks } from "./formatNs";
import type { Row, SpanTree } from "./spanTree";

export interface WaterfallProps {
  tree: SpanTree;
  rows: readonly Row[];
  critical: ReadonlyMap<string, BarSegment[]>;
  colorOf(service: string): string;
  selected: string | null;
  onSelect(spanId: string): void;
  onToggle(spanId: string): void;
  /** The most it grows to, in px. */
  height?: number;
}

const rowHeight = 24;
const indent = 12;

/**
 * The span tree as a waterfall: a time ruler, one row per visible span (its subtree collapsible) with its bar on the
 * trace's time axis, coloured by service, the critical-path stretches marked on it. Only the rows in view are in the
 * DOM, so 10,000 spans cost what 40 do.
 */
export function Waterfall({ tree, rows, critical, colorOf, selected, onSelect, onToggle, height: maxHeight = 560 }: WaterfallProps) {
  const [scrollTop, setScrollTop] = useState(0);
  // As tall as the rows, up to maxHeight (a short trace leaves no empty box; a long one scrolls).
  const height = Math.min(maxHeight, (rows.length + 1) * rowHeight + 2);
  const viewport = height - rowHeight;
  const { first, last } = visibleWindow(rows.length, rowHeight, viewport, scrollTop);
  const ticks = rulerTicks(tree.durationNs);
  return (
    <div className="waterfall" role="region" aria-label="Waterfall" style={{ height }}>
      <div className="wf-ruler" aria-hidden="true" style={{ height: rowHeight }}>
        <div className="wf-name">Service: operation</div>
        <div className="wf-timeline">
          {ticks.map((t) => (
            <span key={t.fraction} className="wf-tick" style={{ left: `${t.fraction * 100}%` }}>{t.label}</span>
          ))}
        </div>
      </div>
      <div
        className="wf-rows"
        style={{ height: viewport }}
        tabIndex={0}
        aria-label={`${rows.length} of ${tree.order.length} spans`}
        onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: rows.length * rowHeight, position: "relative" }}>
          {rows.slice(first, last + 1).map((row, i) => {
            const { span, depth, childCount } = row.node;
            const left = ((span.startNs - tree.startNs) / tree.durationNs) * 100;
            const width = Math.max(0.1, (span.durationNs / tree.durationNs) * 100);
            const segments = critical.get(span.spanId);
            const onPath = segments ? segments.reduce((sum, s) => sum + s.width * span.durationNs, 0) : 0;
            const color = colorOf(span.service);
            return (
              <div
                key={span.spanId}
                className={`wf-row${selected === span.spanId ? " selected" : ""}${row.matched ? "" : " context"}`}
                style={{ top: (first + i) * rowHeight, height: rowHeight }}
                data-span-id={span.spanId}
              >
                <div className="wf-name" style={{ paddingLeft: depth * indent }}>
                  {childCount > 0 ? (
                    <button
                      type="button"
                      className="wf-toggle"
                      aria-expanded={!row.collapsed}
                      aria-label={`${row.collapsed ? "Expand" : "Collapse"} ${span.name} (${row.node.descendants} spans below)`}
                      onClick={() => onToggle(span.spanId)}
                    >
                      {row.collapsed ? "▸" : "▾"}
                    </button>
                  ) : (
                    <span className="wf-toggle-space" />
                  )}
                  <span className="wf-service-mark" style={{ background: color }} aria-hidden="true" />
                  <button type="button" className="wf-label" aria-pressed={selected === span.spanId} onClick={() => onSelect(span.spanId)}>
                    <span className="wf-service">{span.service}</span> {span.name}
                    {span.status === "error" && <span className="badge bad">error</span>}
                    {row.collapsed && <span className="muted"> +{row.node.descendants}</span>}
                  </button>
                </div>
                <div className="wf-timeline" onClick={() => onSelect(span.spanId)}>
                  <div
                    className="wf-bar"
                    style={{ left: `${left}%`, width: `${width}%`, background: color }}
                    title={`${span.service}: ${span.name} ${formatNs(span.durationNs)}${onPath > 0 ? `, ${formatNs(onPath)} on the critical path` : ""}`}
                  >
                    {segments?.map((s, k) => (
                      <span key={k} className="wf-critical" data-testid="critical-segment" style={{ left: `${s.left * 100}%`, width: `${Math.max(s.width * 100, 0.5)}%` }} />
                    ))}
                  </div>
                  <span className="wf-duration" style={{ left: `min(calc(${left + width}% + 4px), calc(100% - 64px))` }}>
                    {formatNs(span.durationNs)}
                    {onPath > 0 && <span className="visually-hidden"> ({formatNs(onPath)} on the critical path)</span>}
                  </span>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
