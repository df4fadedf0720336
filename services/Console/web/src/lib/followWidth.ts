import type uPlot from "uplot";

/**
 * Keeps a uPlot chart as wide as its container; returns the function that stops it. The observer also fires once on
 * observe(), so an unchanged width is skipped: redrawing many series for nothing would double a render's cost.
 */
export function followWidth(chart: uPlot, target: HTMLElement, height: number): () => void {
  if (typeof ResizeObserver !== "function") return () => {};
  const observer = new ResizeObserver(() => {
    const width = target.clientWidth;
    if (width > 0 && width !== chart.width) chart.setSize({ width, height });
  });
  observer.observe(target);
  return () => observer.disconnect();
}
