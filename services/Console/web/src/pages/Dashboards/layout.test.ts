import type { Panel } from "../../api/dashboards";
import { hasOverlap, moveBy, newPanel, place, resizeBy, settle } from "./layout";

function panel(id: number, x: number, y: number, w: number, h: number): Panel {
  return { id, title: `p${id}`, type: "timeseries", grid: { x, y, w, h }, queries: [], unit: null, decimals: null, thresholds: [] };
}

const grid = (panels: Panel[]) => Object.fromEntries(panels.map((p) => [p.id, p.grid]));

test("moving a panel onto another pushes the other below it", () => {
  const panels = [panel(1, 0, 0, 12, 8), panel(2, 12, 0, 12, 8)];
  const moved = moveBy(panels, 2, -12, 0);
  expect(grid(moved)).toEqual({ 1: { x: 0, y: 8, w: 12, h: 8 }, 2: { x: 0, y: 0, w: 12, h: 8 } });
});

test("pushes cascade and moves stay inside the 24 columns", () => {
  const panels = [panel(1, 0, 0, 24, 4), panel(2, 0, 4, 24, 4), panel(3, 0, 8, 24, 4)];
  const grown = resizeBy(panels, 1, 0, 4);
  expect(grown.map((p) => p.grid.y)).toEqual([0, 8, 12]);
  expect(moveBy([panel(1, 20, 0, 4, 4)], 1, 10, -5)[0]!.grid).toEqual({ x: 20, y: 0, w: 4, h: 4 });
  expect(resizeBy([panel(1, 20, 0, 4, 4)], 1, 10, -10)[0]!.grid).toEqual({ x: 20, y: 0, w: 4, h: 1 });
});

test("placing by numbers clamps and makes room", () => {
  const panels = [panel(1, 0, 0, 12, 8), panel(2, 0, 8, 12, 8)];
  const placed = place(panels, 2, { x: 30, y: -3, w: 30, h: 5 });
  expect(placed[1]!.grid).toEqual({ x: 0, y: 0, w: 24, h: 5 });
  expect(placed[0]!.grid.y).toBe(5);
});

test("random moves and resizes never leave an overlap", () => {
  for (let round = 0; round < 200; round++) {
    let panels = Array.from({ length: 6 }, (_, i) => panel(i + 1, (i % 2) * 12, Math.floor(i / 2) * 8, 12, 8));
    for (let step = 0; step < 20; step++) {
      const id = 1 + Math.floor(Math.random() * 6);
      const d = () => Math.floor(Math.random() * 11) - 5;
      panels = Math.random() < 0.5 ? moveBy(panels, id, d(), d()) : resizeBy(panels, id, d(), d());
      expect(hasOverlap(panels)).toBe(false);
      expect(panels.every((p) => p.grid.x >= 0 && p.grid.x + p.grid.w <= 24 && p.grid.y >= 0 && p.grid.h >= 1)).toBe(true);
    }
  }
});

test("a new panel goes below everything with the next id", () => {
  const p = newPanel([panel(3, 0, 0, 12, 8), panel(7, 12, 2, 12, 9)]);
  expect(p.id).toBe(8);
  expect(p.grid).toEqual({ x: 0, y: 11, w: 12, h: 8 });
  expect(settle([], 1)).toEqual([]);
});
