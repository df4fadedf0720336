import { startCompletion } from "@codemirror/autocomplete";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { editorView, setEditorText } from "../../test/editor";
import { FakeUPlot } from "../../test/fakeUPlot";
import { json, mockFetch, type RecordedCall } from "../../test/fetchMock";
import { currentUrl, renderScreen } from "../../test/render";
import { MetricsExplorerPage } from "./MetricsExplorerPage";

vi.mock("uplot", async () => ({ default: (await import("../../test/fakeUPlot")).FakeUPlot }));

beforeEach(() => {
  FakeUPlot.instances = [];
});

function form(call: RecordedCall): URLSearchParams {
  return new URLSearchParams(call.body);
}

function rangeAnswer(call: RecordedCall) {
  const params = form(call);
  const start = Number(params.get("start"));
  const step = Number(params.get("step"));
  const t = Math.ceil(start);
  return json(200, {
    status: "success",
    data: {
      resultType: "matrix",
      result: [
        { metric: { __name__: params.get("query")!, job: "api" }, values: [[t, "1"], [t + step, "2"], [t + 2 * step, "3"]] },
        { metric: { __name__: params.get("query")!, job: "db" }, values: [[t, "4"], [t + step, "5"], [t + 2 * step, "6"]] },
      ],
    },
  });
}

function renderExplorer(path: string) {
  return renderScreen(
    <Routes>
      <Route path="/explore/metrics" element={<MetricsExplorerPage />} />
    </Routes>,
    { path },
  );
}

test("a link with a query runs it over the URL's range and draws its series with statistics", async () => {
  const { callsTo } = mockFetch({ "POST /api/metrics/api/v1/query_range": rangeAnswer });
  renderExplorer("/explore/metrics?q=up&from=now-1h&to=now");

  expect(await screen.findByTestId("stats-A")).toHaveTextContent(/^2 series · 6 points · \d+ ms$/);
  const call = callsTo("POST /api/metrics/api/v1/query_range")[0]!;
  expect(form(call).get("query")).toBe("up");
  expect(Number(form(call).get("end")) - Number(form(call).get("start"))).toBeCloseTo(3600, 0);
  expect(form(call).get("step")).toBe("5");
  expect(call.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
  await waitFor(() => expect(FakeUPlot.last().opts.series).toHaveLength(3));
  expect(screen.getByRole("button", { name: /up\{job="api"\}/ })).toBeInTheDocument();
});

test("Ctrl+Enter in the editor runs the typed query and puts it in the URL", async () => {
  const { callsTo } = mockFetch({ "POST /api/metrics/api/v1/query_range": rangeAnswer });
  renderExplorer("/explore/metrics");
  setEditorText("Query A", "rate(http_requests_total[5m])");
  expect(callsTo("POST /api/metrics/api/v1/query_range")).toHaveLength(0);

  const content = screen.getByRole("textbox", { name: "Query A" });
  fireEvent.keyDown(content, { key: "Enter", code: "Enter", ctrlKey: true });

  await waitFor(() => expect(callsTo("POST /api/metrics/api/v1/query_range")).toHaveLength(1));
  expect(currentUrl().searchParams.getAll("q")).toEqual(["rate(http_requests_total[5m])"]);
});

test("several queries: add, hide and remove, each reflected in the URL", async () => {
  const { callsTo } = mockFetch({ "POST /api/metrics/api/v1/query_range": rangeAnswer });
  renderExplorer("/explore/metrics?q=up");
  await screen.findByTestId("stats-A");

  await userEvent.click(screen.getByRole("button", { name: "Add query" }));
  setEditorText("Query B", "process_cpu_seconds_total");
  await userEvent.click(screen.getByRole("button", { name: "Run queries" }));
  expect(await screen.findByTestId("stats-B")).toBeInTheDocument();
  expect(currentUrl().searchParams.getAll("q")).toEqual(["up", "process_cpu_seconds_total"]);
  await waitFor(() => expect(FakeUPlot.last().opts.series).toHaveLength(5));
  expect(FakeUPlot.last().opts.series.slice(1).map((s) => s.label)).toEqual([
    'A: up{job="api"}', 'A: up{job="db"}', 'B: process_cpu_seconds_total{job="api"}', 'B: process_cpu_seconds_total{job="db"}',
  ]);

  await userEvent.click(screen.getByRole("checkbox", { name: "Query A enabled" }));
  expect(currentUrl().searchParams.get("off")).toBe("A");
  await waitFor(() => expect(FakeUPlot.last().opts.series).toHaveLength(3));

  await userEvent.click(screen.getByRole("button", { name: "Remove query A" }));
  expect(currentUrl().searchParams.getAll("q")).toEqual(["process_cpu_seconds_total"]);
  expect(currentUrl().searchParams.get("off")).toBeNull();
  expect(callsTo("POST /api/metrics/api/v1/query_range").every((c) => form(c).get("query") !== "")).toBe(true);
});

test("the table view runs an instant query at the range's end and lists its series", async () => {
  const { callsTo } = mockFetch({
    "POST /api/metrics/api/v1/query": json(200, {
      status: "success",
      data: { resultType: "vector", result: [{ metric: { __name__: "up", job: "api" }, value: [1715776496, "1"] }, { metric: { __name__: "up", job: "db" }, value: [1715776496, "0"] }] },
    }),
  });
  renderExplorer("/explore/metrics?q=up&view=table&from=1715772896000&to=1715776496000");
  const table = await screen.findByRole("table", { name: "Query A results" });
  expect(within(table).getByText('up{job="api"}')).toBeInTheDocument();
  expect(within(table).getByText('up{job="db"}')).toBeInTheDocument();
  expect(form(callsTo("POST /api/metrics/api/v1/query")[0]!).get("time")).toBe("1715776496.000");
  expect(screen.getByTestId("stats-A")).toHaveTextContent("2 series · 2 points");
});

test("switching view is a URL change", async () => {
  mockFetch({
    "POST /api/metrics/api/v1/query_range": rangeAnswer,
    "POST /api/metrics/api/v1/query": json(200, { status: "success", data: { resultType: "scalar", result: [1, "42"] } }),
  });
  renderExplorer("/explore/metrics?q=42");
  await userEvent.click(screen.getByRole("radio", { name: "Table" }));
  expect(currentUrl().searchParams.get("view")).toBe("table");
  expect(await screen.findByRole("table", { name: "Query A results" })).toHaveTextContent("42");
});

test("a parse error from the API is shown with its place in the query", async () => {
  mockFetch({
    "POST /api/metrics/api/v1/query_range": json(400, { status: "error", errorType: "bad_data", error: '1:8: parse error: unexpected "}" in label matching, expected string' }),
  });
  renderExplorer("/explore/metrics?q=" + encodeURIComponent("up{job=}"));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent('Query A: Bad request');
  expect(alert).toHaveTextContent('unexpected "}" in label matching');
  const excerpt = screen.getByLabelText("Error at line 1, column 8");
  expect(excerpt.textContent).toBe("up{job=}\n       ^");
});

test("an error without a position is shown as the service wrote it", async () => {
  mockFetch({ "POST /api/metrics/api/v1/query_range": json(503, { title: "Service unavailable", detail: "metrics-service did not answer through the sidecar." }) });
  renderExplorer("/explore/metrics?q=up");
  expect(await screen.findByRole("alert", {}, { timeout: 15_000 })).toHaveTextContent("metrics-service did not answer through the sidecar.");
  expect(screen.queryByLabelText(/Error at line/)).not.toBeInTheDocument();
});

test("dragging on the chart zooms: the range becomes absolute in the URL and Back returns", async () => {
  mockFetch({ "POST /api/metrics/api/v1/query_range": rangeAnswer });
  renderExplorer("/explore/metrics?q=up&from=now-6h&to=now");
  await screen.findByTestId("stats-A");
  await waitFor(() => expect(FakeUPlot.instances.length).toBeGreaterThan(0));
  const chart = FakeUPlot.last();
  act(() => {
    chart.select = { left: 100, top: 0, width: 600, height: 10 };
    chart.fire("setSelect");
  });
  const from = Number(currentUrl().searchParams.get("from"));
  const to = Number(currentUrl().searchParams.get("to"));
  expect(to - from).toBe(600_000);
  await userEvent.click(screen.getByRole("button", { name: "Back" }));
  expect(currentUrl().searchParams.get("from")).toBe("now-6h");
});

test("completion offers metric names from the metrics API", async () => {
  const { callsTo } = mockFetch({
    "GET /api/metrics/api/v1/label/__name__/values": json(200, { status: "success", data: ["http_requests_total", "http_server_request_duration_seconds_count", "up"] }),
    "GET /api/metrics/api/v1/metadata": json(200, { status: "success", data: {} }),
  });
  renderExplorer("/explore/metrics");
  setEditorText("Query A", "http_req");
  act(() => {
    startCompletion(editorView("Query A"));
  });
  await waitFor(() => expect(callsTo("GET /api/metrics/api/v1/label/__name__/values").length).toBeGreaterThan(0));
  const options = await screen.findAllByRole("option", {}, { timeout: 15_000 });
  expect(options.map((o) => o.textContent)).toEqual(expect.arrayContaining([expect.stringContaining("http_requests_total")]));
});
