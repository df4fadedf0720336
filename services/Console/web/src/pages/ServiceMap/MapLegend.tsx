import { formatTimestamp, type ResolvedRange } from "../../lib/timeRange";
import { thresholds, type MapModel, type Tone } from "./mapModel";

const entries: Array<{ tone: Tone; label: string }> = [
  { tone: "worse", label: "Worse" },
  { tone: "better", label: "Better" },
  { tone: "same", label: "About the same" },
  { tone: "new", label: "New" },
  { tone: "vanished", label: "Vanished" },
];

/** What the colours mean when comparing, with how many edges and nodes each has. */
export function MapLegend({ model, baseline }: { model: MapModel; baseline: ResolvedRange }) {
  const count = (tone: Tone) => model.edges.filter((e) => e.tone === tone).length;
  const nodes = (tone: Tone) => model.nodes.filter((n) => n.tone === tone).length;
  return (
    <div className="map-legend card" role="group" aria-label="Comparison legend">
      <span className="muted">
        Compared with {formatTimestamp(baseline.start)} – {formatTimestamp(baseline.end)}. Worse or better: error rate
        ±{thresholds.errorRatePoints * 100} pt or p95 ×{thresholds.p95Ratio} / ÷{thresholds.p95Ratio}.
      </span>
      <ul>
        {entries.map((e) => (
          <li key={e.tone} data-legend={e.tone}>
            <svg width="28" height="10" aria-hidden="true" className={`map-edge tone-${e.tone}`}>
              <line className="map-edge-line" x1="1" y1="5" x2="27" y2="5" />
            </svg>
            {e.label}: {count(e.tone)} edges, {nodes(e.tone)} nodes
          </li>
        ))}
      </ul>
    </div>
  );
}
