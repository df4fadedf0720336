import type { CSSProperties } from "react";
import type { Panel } from "../../api/dashboards";
import type { ResolvedRange } from "../../lib/timeRange";
import type { PanelRun } from "./panels/usePanelData";
import { PanelView } from "./panels/PanelView";

export interface PanelEditActions {
  edit(): void;
  remove(): void;
  move(dx: number, dy: number): void;
  resize(dw: number, dh: number): void;
}

/** A panel at its place in the 24-column grid; in edit mode its title bar carries the edit, move and size controls. */
export function PanelFrame({ panel, run, onZoom, actions }: { panel: Panel; run: PanelRun | undefined; onZoom(range: ResolvedRange): void; actions?: PanelEditActions | undefined }) {
  const style: CSSProperties = { gridColumn: `${panel.grid.x + 1} / span ${panel.grid.w}`, gridRow: `${panel.grid.y + 1} / span ${panel.grid.h}` };
  const name = panel.title || `Panel ${panel.id}`;
  return (
    <section className="panel" style={style} aria-label={name}>
      <header className="panel-header">
        <h2>{panel.title}</h2>
        {actions && (
          <div className="panel-actions" role="toolbar" aria-label={`${name} layout`}>
            <button type="button" onClick={actions.edit} aria-label={`Edit ${name}`}>Edit</button>
            <button type="button" onClick={() => actions.move(-1, 0)} aria-label={`Move ${name} left`}>←</button>
            <button type="button" onClick={() => actions.move(1, 0)} aria-label={`Move ${name} right`}>→</button>
            <button type="button" onClick={() => actions.move(0, -1)} aria-label={`Move ${name} up`}>↑</button>
            <button type="button" onClick={() => actions.move(0, 1)} aria-label={`Move ${name} down`}>↓</button>
            <button type="button" onClick={() => actions.resize(-1, 0)} aria-label={`Make ${name} narrower`}>−W</button>
            <button type="button" onClick={() => actions.resize(1, 0)} aria-label={`Make ${name} wider`}>+W</button>
            <button type="button" onClick={() => actions.resize(0, -1)} aria-label={`Make ${name} shorter`}>−H</button>
            <button type="button" onClick={() => actions.resize(0, 1)} aria-label={`Make ${name} taller`}>+H</button>
            <button type="button" onClick={actions.remove} aria-label={`Remove ${name}`}>Remove</button>
          </div>
        )}
      </header>
      <PanelView panel={panel} run={run} onZoom={onZoom} />
    </section>
  );
}
