import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeUPlot } from "../../test/fakeUPlot";
import { ThemeProvider } from "../../shell/theme";
import { alignMatrix, lastValue, type ChartData } from "./chartData";
import { TimeSeriesChart } from "./TimeSeriesChart";

vi.mock("uplot", async () => ({ default: (await import("../../test/fakeUPlot")).FakeUPlot }));

beforeEach(() => {
  FakeUPlot.instances = [];
});

const data: ChartData = {
  times: [100, 160, 220],
  series: [
    { key: "a", label: 'up{job="a"}', values: [1, 2, 3] },
    { key: "b", label: 'up{job="b"}', values: [0.004, null, 0.006] },
  ],
};

function renderChart(props: Partial<Parameters<typeof TimeSeriesChart>[0]> = {}) {
  return render(
    <ThemeProvider>
      <TimeSeriesChart data={data} title="Latency" unit="s" {...props} />
    </ThemeProvider>,
  );
}

test("draws every series on one time axis and lists them with their latest values in the unit", () => {
  renderChart();
  const chart = FakeUPlot.last();
  expect(chart.data).toEqual([[100, 160, 220], [1, 2, 3], [0.004, null, 0.006]]);
  expect(chart.opts.series.slice(1).map((s) => s.label)).toEqual(['up{job="a"}', 'up{job="b"}']);
  const legend = screen.getByRole("list", { name: "Latency series" });
  expect(within(legend).getByRole("button", { name: /job="a".*3 s/ })).toBeInTheDocument();
  expect(within(legend).getByRole("button", { name: /job="b".*6 ms/ })).toBeInTheDocument();
});

test("the y axis is labelled in the unit", () => {
  renderChart({ unit: "bytes" });
  const axis = FakeUPlot.last().opts.axes![1]!;
  expect((axis.values as (u: unknown, s: number[]) => string[])(null, [0, 2048])).toEqual(["0 B", "2 KiB"]);
});

test("clicking a legend entry hides and shows its series; Shift+click shows only that one", async () => {
  renderChart();
  const chart = FakeUPlot.last();
  const a = screen.getByRole("button", { name: /job="a"/ });
  await userEvent.click(a);
  expect(a).toHaveAttribute("aria-pressed", "false");
  expect(chart.shown.get(1)).toBe(false);
  await userEvent.click(a);
  expect(chart.shown.get(1)).toBe(true);

  fireEvent.click(screen.getByRole("button", { name: /job="b"/ }), { shiftKey: true });
  expect(chart.shown.get(1)).toBe(false);
  expect(chart.shown.get(2)).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: /job="b"/ }), { shiftKey: true });
  expect(chart.shown.get(1)).toBe(true);
});

test("hovering shows the values at the cursor with its time", () => {
  renderChart();
  const chart = FakeUPlot.last();
  act(() => {
    chart.cursor.idx = 1;
    chart.fire("setCursor");
  });
  expect(screen.getByRole("button", { name: /job="a"/ })).toHaveTextContent("2 s");
  expect(screen.getByRole("button", { name: /job="b"/ })).toHaveTextContent("–");
  expect(screen.getByText(new RegExp(new Date(160_000).getMinutes().toString().padStart(2, "0") + ":40$"))).toBeInTheDocument();
});

test("dragging across the chart calls back with the range in epoch ms", () => {
  const onZoom = vi.fn();
  renderChart({ onZoom });
  const chart = FakeUPlot.last();
  chart.select = { left: 10, top: 0, width: 50, height: 100 };
  chart.fire("setSelect");
  expect(onZoom).toHaveBeenCalledWith({ start: 110_000, end: 160_000 });
  expect(chart.select.width).toBe(0);

  chart.select = { left: 10, top: 0, width: 1, height: 100 };
  chart.fire("setSelect");
  expect(onZoom).toHaveBeenCalledTimes(1);
});

test("arrow keys move the cursor point by point and Escape clears it", async () => {
  renderChart();
  const plot = screen.getByRole("group", { name: /Latency: 2 series/ });
  plot.focus();
  await userEvent.keyboard("{Home}");
  expect(screen.getByRole("button", { name: /job="a"/ })).toHaveTextContent("1 s");
  await userEvent.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
  expect(screen.getByRole("button", { name: /job="a"/ })).toHaveTextContent("3 s");
  await userEvent.keyboard("{ArrowLeft}");
  expect(screen.getByRole("button", { name: /job="a"/ })).toHaveTextContent("2 s");
  await userEvent.keyboard("{Escape}");
  expect(screen.getByText("Latest values")).toBeInTheDocument();
});

test("a click picks the point under the cursor, Enter the keyboard's point; a click ending a drag does not", async () => {
  const onPointSelect = vi.fn();
  renderChart({ onPointSelect, onZoom: () => {} });
  const chart = FakeUPlot.last();
  const plot = screen.getByRole("group", { name: /Latency: 2 series.*click or Enter picks a point/ });
  chart.cursor.idx = 1;
  fireEvent.click(plot);
  expect(onPointSelect).toHaveBeenLastCalledWith(1);

  chart.select = { left: 10, top: 0, width: 50, height: 100 };
  chart.fire("setSelect");
  fireEvent.click(plot);
  expect(onPointSelect).toHaveBeenCalledTimes(1);

  plot.focus();
  await userEvent.keyboard("{Home}{ArrowRight}{ArrowRight}{Enter}");
  expect(onPointSelect).toHaveBeenLastCalledWith(2);
});

test("new values for the same series update the chart in place; new series rebuild it", () => {
  const { rerender } = renderChart();
  const first = FakeUPlot.last();
  const next = { ...data, series: data.series.map((s) => ({ ...s, values: [9, 9, 9] })) };
  rerender(<ThemeProvider><TimeSeriesChart data={next} title="Latency" unit="s" /></ThemeProvider>);
  expect(FakeUPlot.instances).toHaveLength(1);
  expect(first.data[1]).toEqual([9, 9, 9]);

  rerender(<ThemeProvider><TimeSeriesChart data={{ ...next, series: [next.series[0]!] }} title="Latency" unit="s" /></ThemeProvider>);
  expect(FakeUPlot.instances).toHaveLength(2);
  expect(first.destroyed).toBe(true);
});

test("a chart without data says so", () => {
  renderChart({ data: { times: [1, 2], series: [] } });
  expect(screen.getByText("No data in this range")).toBeInTheDocument();
});

describe("alignMatrix", () => {
  test("puts samples on the step grid, leaves gaps null and names series by legend format", () => {
    const chart = alignMatrix(
      [{ series: [{ metric: { __name__: "up", job: "api" }, values: [[100, "1"], [130, "NaN"], [160, "+Inf"], [190, "4"]] }], legend: "{{job}}" }],
      100_000, 190_000, 30,
    );
    expect(chart.times).toEqual([100, 130, 160, 190]);
    expect(chart.series[0]).toMatchObject({ label: "api", values: [1, null, null, 4] });
  });

  test("series with the same legend get distinct keys", () => {
    const chart = alignMatrix([{ series: [{ metric: { a: "1" }, values: [] }, { metric: { a: "2" }, values: [] }], legend: "same" }], 0, 60_000, 30);
    expect(chart.series.map((s) => s.key)).toEqual(["same", "same#1"]);
  });

  test("lastValue skips trailing gaps", () => {
    expect(lastValue([1, 2, null])).toBe(2);
    expect(lastValue([null])).toBeNull();
  });
});
