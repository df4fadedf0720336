import { cssColor, thresholdColor } from "./thresholds";
import { panelStep } from "./usePanelData";
import { panelBodyHeight } from "./PanelView";

test("the highest threshold at or below the value gives the colour", () => {
  const thresholds = [{ value: 80, color: "red" }, { value: 50, color: "orange" }, { value: 0, color: "green" }];
  expect(thresholdColor(90, thresholds)).toBe(cssColor("red"));
  expect(thresholdColor(50, thresholds)).toBe(cssColor("orange"));
  expect(thresholdColor(-1, thresholds)).toBeUndefined();
  expect(thresholdColor(null, thresholds)).toBeUndefined();
});

test("Grafana's colour names map to its palette; other colours are CSS", () => {
  expect(cssColor("semi-dark-red")).toBe("#e02f44");
  expect(cssColor("#123456")).toBe("#123456");
});

test("a panel's step follows its width and the range; its body fills its rows", () => {
  const panel = { grid: { x: 0, y: 0, w: 24, h: 8 } } as Parameters<typeof panelStep>[0];
  expect(panelStep(panel, { start: 0, end: 6 * 3_600_000 })).toBe(60);
  expect(panelStep({ ...panel, grid: { ...panel.grid, w: 6 } }, { start: 0, end: 6 * 3_600_000 })).toBe(300);
  expect(panelBodyHeight(8)).toBe(8 * 30 + 7 * 8 - 40);
});
