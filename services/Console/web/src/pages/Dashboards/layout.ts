import type { GridPos, Panel } from "../../api/dashboards";

/** Grafana's grid: 24 columns; rows of 30 px. */
export const columns = 24;
export const maxHeight = 100;

function overlaps(a: GridPos, b: GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Makes room for the panel that just moved or grew: every panel it now covers (and every panel those cover in
 * turn) is pushed down below the one in its way, as Grafana's grid does, so the saved layout never overlaps.
 */
export function settle(panels: readonly Panel[], fixedId: number): Panel[] {
  const fixed = panels.find((p) => p.id === fixedId);
  if (!fixed) return [...panels];
  const placed: Panel[] = [fixed];
  const others = panels.filter((p) => p.id !== fixedId).sort((a, b) => a.grid.y - b.grid.y || a.grid.x - b.grid.x);
  for (const panel of others) {
    let grid = panel.grid;
    for (let blocker = placed.find((q) => overlaps(grid, q.grid)); blocker; blocker = placed.find((q) => overlaps(grid, q.grid))) {
      grid = { ...grid, y: blocker.grid.y + blocker.grid.h };
    }
    placed.push(grid === panel.grid ? panel : { ...panel, grid });
  }
  const byId = new Map(placed.map((p) => [p.id, p]));
  return panels.map((p) => byId.get(p.id)!);
}

function update(panels: readonly Panel[], id: number, change: (grid: GridPos) => GridPos): Panel[] {
  return settle(panels.map((p) => (p.id === id ? { ...p, grid: change(p.grid) } : p)), id);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function moveBy(panels: readonly Panel[], id: number, dx: number, dy: number): Panel[] {
  return update(panels, id, (g) => ({ ...g, x: clamp(g.x + dx, 0, columns - g.w), y: Math.max(0, g.y + dy) }));
}

export function resizeBy(panels: readonly Panel[], id: number, dw: number, dh: number): Panel[] {
  return update(panels, id, (g) => ({ ...g, w: clamp(g.w + dw, 1, columns - g.x), h: clamp(g.h + dh, 1, maxHeight) }));
}

/** Puts a panel's grid as typed (clamped into the 24 columns) and makes room for it. */
export function place(panels: readonly Panel[], id: number, grid: GridPos): Panel[] {
  return update(panels, id, () => {
    const w = clamp(Math.round(grid.w), 1, columns);
    return { w, x: clamp(Math.round(grid.x), 0, columns - w), y: Math.max(0, Math.round(grid.y)), h: clamp(Math.round(grid.h), 1, maxHeight) };
  });
}

/** A new time-series panel below everything, half the width, with the next free id. */
export function newPanel(panels: readonly Panel[]): Panel {
  const bottom = panels.reduce((max, p) => Math.max(max, p.grid.y + p.grid.h), 0);
  const id = panels.reduce((max, p) => Math.max(max, p.id), 0) + 1;
  return {
    id,
    title: "New panel",
    type: "timeseries",
    grid: { x: 0, y: bottom, w: 12, h: 8 },
    queries: [{ refId: "A", expr: "", legend: null }],
    unit: null,
    decimals: null,
    thresholds: [],
  };
}

export function hasOverlap(panels: readonly Panel[]): boolean {
  return panels.some((a, i) => panels.some((b, j) => j > i && overlaps(a.grid, b.grid)));
}
