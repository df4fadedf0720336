import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { FakeUPlot } from "../../test/fakeUPlot";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { currentUrl, renderScreen } from "../../test/render";
import { logsRoutes, record, searchAnswer } from "./logsFixture";
import { LogsExplorerPage } from "./LogsExplorerPage";

vi.mock("uplot", async () => ({ default: (await import("../../test/fakeUPlot")).FakeUPlot }));

beforeEach(() => {
  FakeUPlot.instances = [];
});

function renderLogs(path = "/logs") {
  return renderScreen(
    <Routes>
      <Route path="/logs" element={<LogsExplorerPage />} />
      <Route path="/traces/:id" element={<h1>Trace view</h1>} />
    </Routes>,
    { path },
  );
}

test("runs the Lucene query and lists the records newest first with the total, histogram and facets", async () => {
  const { callsTo } = mockFetch(logsRoutes());
  renderLogs("/logs?q=Failed");
  const list = await screen.findByRole("list", { name: "Log records, newest first" });
  expect(await within(list).findAllByRole("listitem")).toHaveLength(3);
  expect(within(list).getAllByRole("button")[0]).toHaveTextContent("Failed password for user0");
  expect(screen.getByText("3 matching records")).toBeInTheDocument();
  const search = callsTo("GET /api/logs/api/v1/logs/search")[0]!.url.searchParams;
  expect(search.get("q")).toBe("Failed");
  expect(search.get("buckets")).toBe("60");
  const facets = callsTo("GET /api/logs/api/v1/logs/facets")[0]!.url.searchParams;
  expect(facets.getAll("field")).toEqual(["service", "level", "pattern_id"]);
  // The histogram stacks error under info: the info series is drawn to the total (3) of each bar.
  await waitFor(() => expect(FakeUPlot.instances.some((u) => u.opts.series.some((s) => s.label === "info"))).toBe(true));
  const chart = FakeUPlot.instances.find((u) => u.opts.series.some((s) => s.label === "info"))!;
  expect(chart.data[1]).toEqual([3, 3, 3]);
  expect(chart.data[2]).toEqual([1, 1, 1]);
});

test("a facet value filters on click and its minus excludes it; the filters are in the URL and the query", async () => {
  const { callsTo } = mockFetch(logsRoutes());
  renderLogs("/logs?q=Failed");
  const service = await screen.findByRole("region", { name: "Facet service" });
  await userEvent.click(within(service).getByRole("button", { name: /^sshd/ }));
  expect(currentUrl().searchParams.getAll("f")).toEqual(["service:sshd"]);
  await waitFor(() => expect(callsTo("GET /api/logs/api/v1/logs/search").at(-1)!.url.searchParams.get("q")).toBe('(Failed) service:"sshd"'));

  const level = screen.getByRole("region", { name: "Facet level" });
  await userEvent.click(within(level).getByRole("button", { name: "Exclude level info" }));
  expect(currentUrl().searchParams.getAll("f")).toEqual(["service:sshd", "-level:info"]);
  await waitFor(() => expect(callsTo("GET /api/logs/api/v1/logs/search").at(-1)!.url.searchParams.get("q")).toBe('(Failed) service:"sshd" -level:"info"'));

  await userEvent.click(screen.getByRole("button", { name: "Remove filter service:sshd" }));
  expect(currentUrl().searchParams.getAll("f")).toEqual(["-level:info"]);
});

test("the pattern facet shows the mined template, not the id", async () => {
  mockFetch(logsRoutes());
  renderLogs("/logs");
  const facet = await screen.findByRole("region", { name: "Facet pattern_id" });
  expect(await within(facet).findByText("Failed password for <*> from <*> port <*>")).toBeInTheDocument();
});

test("a record expands into its fields; a field value filters; the trace link goes to /traces/<id>", async () => {
  mockFetch(logsRoutes());
  renderLogs("/logs");
  const first = (await screen.findAllByRole("button", { name: /Failed password for user0/ }))[0]!;
  await userEvent.click(first);
  expect(first).toHaveAttribute("aria-expanded", "true");
  expect(currentUrl().searchParams.get("open")).toBe("r0");
  const fields = screen.getByRole("table", { name: "Fields of the record" });
  expect(within(fields).getByRole("rowheader", { name: "labels.host" })).toBeInTheDocument();
  await userEvent.click(within(fields).getByRole("button", { name: "user0" }));
  expect(currentUrl().searchParams.getAll("f")).toEqual(["fields.user:user0"]);

  await userEvent.click(await screen.findByRole("button", { name: /Failed password for user0/ }));
  await userEvent.click(screen.getByRole("link", { name: /Open trace 4bf92f3577b3/ }));
  expect(currentUrl().pathname).toBe("/traces/4bf92f3577b34da6a3ce929d0e0e4736");
});

test("context shows the lines around a record with the record marked", async () => {
  mockFetch({
    ...logsRoutes(),
    "GET /api/logs/api/v1/logs/r1/context": json(200, [record(2), record(1), record(0)]),
  });
  renderLogs("/logs?open=r1");
  await userEvent.click(await screen.findByRole("button", { name: "Show context" }));
  expect(currentUrl().searchParams.get("ctx")).toBe("r1");
  const lines = await screen.findByRole("list", { name: "Lines around the record, oldest first" });
  expect(within(lines).getAllByRole("listitem")).toHaveLength(3);
  expect(within(lines).getAllByRole("listitem")[1]).toHaveAttribute("aria-current", "true");
});

test("scrolling to the end asks for the next page with the cursor", async () => {
  const pages: Record<string, ReturnType<typeof searchAnswer>> = {
    first: searchAnswer(Array.from({ length: 30 }, (_, i) => record(i)), "c2", 45),
    c2: searchAnswer(Array.from({ length: 15 }, (_, i) => record(30 + i)), null, 45),
  };
  const { callsTo } = mockFetch({
    ...logsRoutes(),
    "GET /api/logs/api/v1/logs/search": (call) => json(200, pages[call.url.searchParams.get("cursor") ?? "first"]),
  });
  renderLogs("/logs");
  await waitFor(() => expect(callsTo("GET /api/logs/api/v1/logs/search").some((c) => c.url.searchParams.get("cursor") === "c2")).toBe(true));
  expect(await screen.findByText("End of the matching records")).toBeInTheDocument();
  const list = screen.getByRole("list", { name: "Log records, newest first" });
  // Only the rows in view are drawn; scrolling to the bottom draws the last.
  expect(within(list).getAllByRole("listitem").length).toBeLessThan(45);
  expect(within(list).getAllByRole("listitem")[0]).toHaveAttribute("aria-setsize", "45");
  fireEvent.scroll(screen.getByRole("region", { name: "Log records" }), { target: { scrollTop: 45 * 28 } });
  expect(within(list).getAllByRole("listitem").at(-1)).toHaveAttribute("aria-posinset", "45");
});

test("a Lucene parse error is shown under the query with a caret where it points", async () => {
  mockFetch({
    ...logsRoutes(),
    "GET /api/logs/api/v1/logs/search": problem(400, "One or more validation errors occurred.", undefined, {
      errors: { q: ['The query cannot be parsed: Encountered "<EOF>" at line 1, column 8.'] },
    }),
  });
  renderLogs("/logs?q=" + encodeURIComponent('"unclos'));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("The query cannot run");
  expect(within(alert).getByLabelText("at line 1, column 8")).toHaveTextContent('"unclos ^');
  expect(screen.getByRole("searchbox", { name: "Log query" })).toHaveAttribute("aria-invalid", "true");
});

function lokiRoutes() {
  return {
    ...logsRoutes(),
    "GET /api/logs/loki/api/v1/query_range": (call: { url: URL }) =>
      call.url.searchParams.get("query")!.startsWith("sum by")
        ? json(200, { status: "success", data: { resultType: "matrix", result: [{ metric: { detected_level: "error" }, values: [[1767607200, "4"]] }] } })
        : json(200, {
            status: "success",
            data: {
              resultType: "streams",
              result: [{ stream: { service_name: "sshd", detected_level: "error" }, values: [["1767607200000000001", "Failed password for root"], ["1767607100000000000", "Invalid user"]] }],
            },
          }),
    "GET /api/logs/api/v1/logs/facets": (call: { url: URL }) =>
      json(200, call.url.searchParams.get("logql") ? [{ field: "service_name", values: [{ value: "sshd", records: 1234 }] }] : []),
  };
}

const sshdQuery = encodeURIComponent('{service_name="sshd"}');

test("LogQL runs through the Loki API: lines backward, the histogram by detected level, facets over every match from log-service", async () => {
  const { callsTo } = mockFetch(lokiRoutes());
  renderLogs(`/logs?lang=logql&q=${sshdQuery}&f=detected_level:error`);
  const list = await screen.findByRole("list", { name: "Log records, newest first" });
  expect((await within(list).findAllByRole("button"))[0]).toHaveTextContent("Failed password for root");
  const calls = callsTo("GET /api/logs/loki/api/v1/query_range").map((c) => c.url.searchParams);
  expect(calls.find((p) => p.get("direction") === "backward")!.get("query")).toBe('{service_name="sshd"} | detected_level="error"');
  expect(calls.find((p) => p.get("step"))!.get("query")).toMatch(/^sum by \(detected_level\) \(count_over_time\(\{service_name="sshd"\} \| detected_level="error" \[\d+s\]\)\)$/);
  // The facets come from log-service, counted over every line the query passes (1234), not the two lines shown.
  const facet = await screen.findByRole("region", { name: "Facet service_name" });
  expect(within(facet).getByRole("button", { name: /^sshd\s*1234/ })).toBeInTheDocument();
  const facets = callsTo("GET /api/logs/api/v1/logs/facets")[0]!.url.searchParams;
  expect(facets.get("logql")).toBe('{service_name="sshd"} | detected_level="error"');
  expect(facets.get("q")).toBeNull();
  expect(facets.getAll("field")).toEqual([]);
  await userEvent.click(within(facet).getByRole("button", { name: /^sshd/ }));
  expect(currentUrl().searchParams.getAll("f")).toEqual(["detected_level:error", "service_name:sshd"]);
});

test("in LogQL the patterns view counts the query's lines and a pattern becomes a pattern filter stage", async () => {
  const { callsTo } = mockFetch(lokiRoutes());
  renderLogs(`/logs?lang=logql&q=${sshdQuery}&view=patterns`);
  const table = await screen.findByRole("table", { name: "1 patterns over 40 records" });
  expect(callsTo("GET /api/logs/api/v1/logs/patterns")[0]!.url.searchParams.get("logql")).toBe('{service_name="sshd"}');
  await userEvent.click(within(table).getByRole("button", { name: "Failed password for <*> from <*> port <*>" }));
  expect(currentUrl().searchParams.get("q")).toBe('{service_name="sshd"} |> "Failed password for <_> from <_> port <_>"');
  expect(currentUrl().searchParams.get("view")).toBeNull();
  expect(currentUrl().searchParams.getAll("f")).toEqual([]);
});

test("the patterns view lists templates with counts and levels; clicking one filters the records by it", async () => {
  mockFetch(logsRoutes());
  renderLogs("/logs?view=patterns");
  const table = await screen.findByRole("table", { name: "1 patterns over 40 records" });
  expect(within(table).getByRole("img", { name: "info 32, error 8" })).toBeInTheDocument();
  await userEvent.click(within(table).getByRole("button", { name: "Failed password for <*> from <*> port <*>" }));
  expect(currentUrl().searchParams.getAll("f")).toEqual(["pattern_id:p1"]);
  expect(currentUrl().searchParams.get("view")).toBeNull();
});

test("dragging across the histogram zooms the time range, and Back returns to it", async () => {
  mockFetch(logsRoutes());
  renderLogs("/logs?from=now-1h&to=now");
  await waitFor(() => expect(FakeUPlot.instances.some((u) => u.opts.series.some((s) => s.label === "info"))).toBe(true));
  const chart = FakeUPlot.instances.filter((u) => u.opts.series.some((s) => s.label === "info")).at(-1)!;
  const first = (chart.data[0] as number[])[0]!;
  act(() => {
    chart.select = { left: 0, top: 0, width: 60, height: 10 };
    chart.fire("setSelect");
  });
  expect(currentUrl().searchParams.get("from")).toBe(String(first * 1000));
  expect(currentUrl().searchParams.get("to")).toBe(String((first + 60) * 1000));
  await userEvent.click(screen.getByRole("button", { name: "Back" }));
  expect(currentUrl().searchParams.get("from")).toBe("now-1h");
});

class FakeEventSource {
  static last: FakeEventSource | undefined;
  listeners = new Map<string, Array<(e: MessageEvent<string>) => void>>();
  closed = false;
  constructor(public url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data = "") {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }));
  }
  close() {
    this.closed = true;
  }
}

test("live tail puts new records on top, holds them while paused and shows them on resume", async () => {
  vi.stubGlobal("EventSource", FakeEventSource);
  mockFetch(logsRoutes());
  renderLogs("/logs?q=Failed&f=service:sshd");
  await userEvent.click(await screen.findByRole("button", { name: "Live tail" }));
  expect(currentUrl().searchParams.get("live")).toBe("1");
  const source = FakeEventSource.last!;
  expect(new URL(source.url, "http://console.test").searchParams.get("q")).toBe('(Failed) service:"sshd"');
  act(() => source.emit("open"));
  expect(within(screen.getByRole("region", { name: "Live tail" })).getByRole("status")).toHaveTextContent("Live");
  act(() => {
    source.emit("log", JSON.stringify(record(1, { id: "t1", message: "first tailed" })));
    source.emit("log", JSON.stringify(record(0, { id: "t2", message: "second tailed" })));
  });
  const list = await screen.findByRole("list", { name: "Tailed records, newest first" });
  await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(2));
  expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("second tailed");
  expect(screen.queryByText("End of the matching records")).not.toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: "Pause" }));
  act(() => source.emit("log", JSON.stringify(record(0, { id: "t3", message: "while paused" }))));
  expect(await screen.findByRole("button", { name: "Resume (1 new)" })).toBeInTheDocument();
  expect(within(list).getAllByRole("listitem")).toHaveLength(2);
  await userEvent.click(screen.getByRole("button", { name: "Resume (1 new)" }));
  expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("while paused");

  await userEvent.click(screen.getByRole("button", { name: "Live tail" }));
  expect(source.closed).toBe(true);
});

test("a LogQL live tail follows the query with its stages and shows why log-service stopped it", async () => {
  vi.stubGlobal("EventSource", FakeEventSource);
  mockFetch(lokiRoutes());
  renderLogs(`/logs?lang=logql&q=${sshdQuery}&f=detected_level:error`);
  await userEvent.click(await screen.findByRole("button", { name: "Live tail" }));
  const source = FakeEventSource.last!;
  const url = new URL(source.url, "http://console.test");
  expect(url.pathname).toBe("/api/logs/api/v1/logs/tail");
  expect(url.searchParams.get("logql")).toBe('{service_name="sshd"} | detected_level="error"');
  expect(url.searchParams.get("q")).toBeNull();
  act(() => {
    source.emit("open");
    source.emit("log", JSON.stringify(record(0, { id: "t1", message: "tailed by LogQL", level: "error" })));
  });
  const list = await screen.findByRole("list", { name: "Tailed records, newest first" });
  await userEvent.click(await within(list).findByRole("button", { name: /tailed by LogQL/ }));
  // A LogQL line's fields are its stream labels, so a value filters as a label filter stage.
  const fields = screen.getByRole("table", { name: "Fields of the record" });
  expect(within(fields).getByRole("rowheader", { name: "detected_level" })).toBeInTheDocument();
  act(() => source.emit("error", JSON.stringify("the query would read more than 1,000,000 log records")));
  expect(await screen.findByRole("alert")).toHaveTextContent("The tail stopped: the query would read more than 1,000,000 log records");
  expect(source.closed).toBe(true);
});
