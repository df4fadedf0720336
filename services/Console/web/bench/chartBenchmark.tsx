import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { ChartData } from "../src/components/TimeSeriesChart/chartData";
import { TimeSeriesChart } from "../src/components/TimeSeriesChart/TimeSeriesChart";
import { ThemeProvider } from "../src/shell/theme";
import "../src/styles/app.css";

/**
 * Issue 14's budget: a chart of 100 series × 1,440 points (a day at one-minute steps) renders in under 100 ms.
 * Each run mounts a fresh chart and times React's render, uPlot's construction and its first draw (uPlot draws in a
 * microtask after construction), then the wait for the next frame as a second figure. Results go to
 * window.__chartBenchmark and #result; bench/run-chart-benchmark.mjs drives it in chromium.
 */
const seriesCount = 100;
const points = 1440;
const runs = 7;

function syntheticData(): ChartData {
  const start = Math.floor(Date.now() / 1000) - points * 60;
  const times = Array.from({ length: points }, (_, i) => start + i * 60);
  const series = Array.from({ length: seriesCount }, (_, s) => ({
    key: `s${s}`,
    label: `http_requests_total{instance="10.0.0.${s}:8080", job="api"}`,
    values: times.map((_, i) => 50 + 40 * Math.sin((i + s * 13) / 60) + ((i * 7 + s * 31) % 17)),
  }));
  return { times, series };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function measure() {
  const container = document.getElementById("chart")!;
  const data = syntheticData();
  const drawn: number[] = [];
  const framed: number[] = [];
  for (let run = 0; run < runs; run++) {
    const host = document.createElement("div");
    container.replaceChildren(host);
    const root = createRoot(host);
    await nextFrame();
    const t0 = performance.now();
    flushSync(() =>
      root.render(
        <ThemeProvider>
          <TimeSeriesChart data={data} title="Benchmark" unit="reqps" height={400} />
        </ThemeProvider>,
      ),
    );
    await Promise.resolve();
    await Promise.resolve();
    drawn.push(performance.now() - t0);
    await nextFrame();
    framed.push(performance.now() - t0);
    if (run < runs - 1) root.unmount();
  }
  const result = {
    series: seriesCount,
    pointsPerSeries: points,
    runs,
    renderAndDrawMs: drawn.map((v) => Math.round(v * 10) / 10),
    toNextFrameMs: framed.map((v) => Math.round(v * 10) / 10),
    medianRenderAndDrawMs: Math.round(median(drawn) * 10) / 10,
    medianToNextFrameMs: Math.round(median(framed) * 10) / 10,
    budgetMs: 100,
  };
  (window as unknown as { __chartBenchmark: typeof result }).__chartBenchmark = result;
  document.getElementById("result")!.textContent = JSON.stringify(result, null, 2);
}

void measure();
