import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import type { Dashboard } from "../../api/dashboards";
import { dashboardFixture } from "../../test/dashboardFixture";
import { setEditorText } from "../../test/editor";
import { FakeUPlot } from "../../test/fakeUPlot";
import { json, mockFetch, problem, type RecordedCall } from "../../test/fetchMock";
import { listOf, rangeOf, vectorOf } from "../../test/promAnswers";
import { currentUrl, renderScreen, viewer } from "../../test/render";
import { DashboardPage } from "./DashboardPage";

vi.mock("uplot", async () => ({ default: (await import("../../test/fakeUPlot")).FakeUPlot }));

beforeEach(() => {
  FakeUPlot.instances = [];
});

const exprOf = (call: RecordedCall) => new URLSearchParams(call.body).get("query") ?? "";

function routesOf(dashboard: Dashboard = dashboardFixture()) {
  return {
    "GET /api/dashboards/svc": json(200, dashboard),
    "GET /api/metrics/api/v1/label/job/values": listOf(["api", "db"]),
    "GET /api/metrics/api/v1/series": json(200, { status: "success", data: [{ __name__: "up", job: "api", instance: "10.0.0.1:80" }, { __name__: "up", job: "db", instance: "10.0.0.2:80" }] }),
    "POST /api/metrics/api/v1/query_range": (call: RecordedCall) =>
      exprOf(call).startsWith("up{") ? rangeOf([{ __name__: "up", instance: "10.0.0.1:80" }], ["1", "1", "1"])(call) : rangeOf([{ job: "api" }, { job: "db" }])(call),
    "POST /api/metrics/api/v1/query": vectorOf([[{ __name__: "up", job: "api", instance: "10.0.0.1:80" }, "1"], [{ __name__: "up", job: "db", instance: "10.0.0.2:80" }, "0"]]),
    // The panel editor's completion.
    "GET /api/metrics/api/v1/label/__name__/values": listOf([]),
    "GET /api/metrics/api/v1/metadata": json(200, { status: "success", data: {} }),
  };
}

const backend = (dashboard?: Dashboard) => mockFetch(routesOf(dashboard));

function renderDashboard(path = "/dashboards/svc", session = undefined as typeof viewer | undefined) {
  return renderScreen(
    <Routes>
      <Route path="/dashboards/:id" element={<DashboardPage />} />
    </Routes>,
    session ? { path, session } : { path },
  );
}

test("draws the grid's panels with variables interpolated: All as every job, the chained variable from /series", async () => {
  const { callsTo } = backend();
  renderDashboard();
  expect(await screen.findByRole("heading", { name: "Services" })).toBeInTheDocument();

  await waitFor(() => expect(callsTo("POST /api/metrics/api/v1/query_range").length).toBeGreaterThanOrEqual(2));
  const exprs = callsTo("POST /api/metrics/api/v1/query_range").map(exprOf);
  // Six hours over a 12-column panel: a 2m step, so $__rate_interval is max(2m + 15s, 4 × 15s).
  expect(exprs).toContain('sum by (job) (rate(http_server_request_duration_seconds_count{job=~"api|db"}[2m15s]))');
  expect(exprs).toContain('up{instance="10.0.0.1:80"}');
  const series = callsTo("GET /api/metrics/api/v1/series")[0]!;
  expect(series.url.searchParams.getAll("match[]")).toEqual(['up{job=~"api|db"}']);

  const stat = screen.getByRole("region", { name: "Up" });
  expect(await within(stat).findByText("1")).toHaveStyle({ color: "#73bf69" });
  const table = await screen.findByRole("table", { name: "Targets table" });
  expect(within(table).getByText("10.0.0.2:80")).toBeInTheDocument();
  expect(screen.getByRole("region", { name: "Request rate" })).toBeInTheDocument();
  await waitFor(() => expect(FakeUPlot.instances.some((c) => c.opts.series.length === 3)).toBe(true));

  const range = new URLSearchParams(callsTo("POST /api/metrics/api/v1/query_range")[0]!.body);
  expect(Number(range.get("end")) - Number(range.get("start"))).toBeCloseTo(6 * 3600, 0);
});

test("the panels' grid places follow the 24-column layout", async () => {
  backend();
  renderDashboard();
  const stat = await screen.findByRole("region", { name: "Up" });
  expect(stat.style.gridColumn).toBe("13 / span 6");
  expect(stat.style.gridRow).toBe("1 / span 4");
});

test("variables from the URL win, and choosing values writes them there", async () => {
  const { callsTo } = backend();
  renderDashboard("/dashboards/svc?var-job=db&from=now-1h&to=now");
  await screen.findByRole("heading", { name: "Services" });
  await waitFor(() => expect(callsTo("POST /api/metrics/api/v1/query_range").map(exprOf)).toContain('sum by (job) (rate(http_server_request_duration_seconds_count{job=~"db"}[1m]))'));

  await userEvent.click(screen.getByRole("button", { name: /Job/ }));
  await userEvent.click(screen.getByRole("checkbox", { name: "api" }));
  expect(currentUrl().searchParams.getAll("var-job")).toEqual(["db", "api"]);
  await waitFor(() => expect(callsTo("POST /api/metrics/api/v1/query_range").map(exprOf)).toContain('sum by (job) (rate(http_server_request_duration_seconds_count{job=~"db|api"}[1m]))'));

  await userEvent.selectOptions(screen.getByLabelText("instance"), "10.0.0.2:80");
  expect(currentUrl().searchParams.get("var-instance")).toBe("10.0.0.2:80");
});

test("Refresh runs the panels again; the refresh interval is in the URL", async () => {
  const { callsTo } = backend();
  renderDashboard();
  await waitFor(() => expect(callsTo("POST /api/metrics/api/v1/query").length).toBe(1));
  await userEvent.click(screen.getByRole("button", { name: "Refresh" }));
  await waitFor(() => expect(callsTo("POST /api/metrics/api/v1/query").length).toBe(2));
  await userEvent.selectOptions(screen.getByLabelText("Auto refresh"), "30s");
  expect(currentUrl().searchParams.get("refresh")).toBe("30s");
});

test("a query's error is shown in its panel", async () => {
  mockFetch({
    "GET /api/dashboards/svc": json(200, dashboardFixture({ variables: [], panels: [dashboardFixture().panels[2]!] })),
    "POST /api/metrics/api/v1/query": json(422, { status: "error", errorType: "execution", error: "query timed out" }),
  });
  renderDashboard();
  const panel = await screen.findByRole("region", { name: "Targets" });
  expect(await within(panel).findByRole("alert")).toHaveTextContent("Query A: Cannot process the request");
  expect(within(panel).getByRole("alert")).toHaveTextContent("query timed out");
});

test("a missing dashboard says so", async () => {
  mockFetch({ "GET /api/dashboards/svc": problem(404, "Dashboard not found", "No dashboard has the id 'svc'.") });
  renderDashboard();
  expect(await screen.findByRole("alert")).toHaveTextContent("No dashboard has the id 'svc'.");
});

test("a viewer cannot edit", async () => {
  backend();
  renderDashboard("/dashboards/svc?edit=1", viewer);
  await screen.findByRole("heading", { name: "Services" });
  expect(screen.queryByRole("button", { name: "Edit" })).not.toBeInTheDocument();
  expect(screen.queryByRole("toolbar", { name: "Editing" })).not.toBeInTheDocument();
});

test("editing in place: add a panel, write its query, move another, remove a third, save with the version", async () => {
  const { callsTo } = mockFetch({
    ...routesOf(),
    "PUT /api/dashboards/svc": (call: RecordedCall) => json(200, { ...(JSON.parse(call.body!) as Dashboard), version: 4 }),
  });
  renderDashboard();
  await userEvent.click(await screen.findByRole("button", { name: "Edit" }));
  expect(currentUrl().searchParams.get("edit")).toBe("1");

  await userEvent.click(screen.getByRole("button", { name: "Add panel" }));
  const editor = await screen.findByRole("dialog", { name: /Edit panel/ });
  expect(currentUrl().searchParams.get("editPanel")).toBe("4");
  await userEvent.clear(within(editor).getByLabelText("Title"));
  await userEvent.type(within(editor).getByLabelText("Title"), "Errors");
  await userEvent.selectOptions(within(editor).getByLabelText("Type"), "stat");
  setEditorText("Panel query A", 'sum(rate(http_server_request_duration_seconds_count{http_response_status_code=~"5.."}[5m]))');
  await userEvent.click(within(editor).getByRole("button", { name: "Apply" }));
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: "Move Up right" }));
  await userEvent.click(screen.getByRole("button", { name: "Remove Targets" }));
  await userEvent.click(screen.getByRole("button", { name: "Save dashboard" }));

  await waitFor(() => expect(callsTo("PUT /api/dashboards/svc")).toHaveLength(1));
  const sent = JSON.parse(callsTo("PUT /api/dashboards/svc")[0]!.body!) as Dashboard;
  expect(sent.version).toBe(3);
  expect(sent.panels.map((p) => p.title)).toEqual(["Request rate", "Up", "Errors"]);
  expect(sent.panels[1]!.grid).toEqual({ x: 13, y: 0, w: 6, h: 4 });
  expect(sent.panels[2]).toMatchObject({ id: 4, type: "stat", grid: { x: 0, y: 8, w: 12, h: 8 } });
  expect(sent.panels[2]!.queries[0]!.expr).toContain("5..");
  await waitFor(() => expect(currentUrl().searchParams.get("edit")).toBeNull());
});

test("a save that lost the race shows the conflict and can load the latest version", async () => {
  let latest = false;
  const original = dashboardFixture();
  mockFetch({
    ...routesOf(original),
    "GET /api/dashboards/svc": () => json(200, latest ? { ...original, version: 4, title: "Services (theirs)" } : original),
    "PUT /api/dashboards/svc": () => {
      latest = true;
      return problem(409, "Dashboard changed meanwhile", "Dashboard 'svc' is at version 4, the change was based on version 3; reload it and apply the change again.", { currentVersion: 4 });
    },
  });
  renderDashboard();
  await userEvent.click(await screen.findByRole("button", { name: "Edit" }));
  await userEvent.click(screen.getByRole("button", { name: "Remove Up" }));
  await userEvent.click(screen.getByRole("button", { name: "Save dashboard" }));
  expect(await screen.findByText(/is at version 4, the change was based on version 3/)).toBeInTheDocument();
  expect(screen.getByRole("alert")).toHaveTextContent("Not saved: Dashboard changed meanwhile");

  await userEvent.click(screen.getByRole("button", { name: /Load the latest version/ }));
  expect(await screen.findByDisplayValue("Services (theirs)")).toBeInTheDocument();
  expect(screen.getByRole("region", { name: "Up" })).toBeInTheDocument();
  expect(screen.queryByRole("alert")).not.toBeInTheDocument();
});

test("the panel editor refuses a query without an expression", async () => {
  backend();
  renderDashboard("/dashboards/svc?edit=1&editPanel=2");
  const editor = await screen.findByRole("dialog", { name: "Edit panel Up" });
  setEditorText("Panel query A", "  ");
  await userEvent.click(within(editor).getByRole("button", { name: "Apply" }));
  expect(within(editor).getByRole("alert")).toHaveTextContent("Every query needs a PromQL expression.");
});
