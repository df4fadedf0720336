import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, mockFetch, problem, type RecordedCall } from "../../test/fetchMock";
import { listOf } from "../../test/promAnswers";
import { currentUrl, renderApp, renderScreen, viewer } from "../../test/render";
import { SlaPage } from "./SlaPage";

const objective = (name: string, actual: number | null, target: number, unit: string, status: string) => ({ name, actual, target, unit, status });
/** GET /api/v1/sla/report as metrics-service answers it (Sla/SlaReport.cs). */
const reports: Record<string, unknown> = {
  api: {
    service: "api", start: "2024-05-01T00:00:00Z", end: "2024-05-02T00:00:00Z", totalRequests: 864000,
    availability: objective("availability", 99.95, 99.9, "%", "MET"),
    p95Latency: objective("p95_latency", 180.5, 100, "ms", "BREACH"),
    errorRate: objective("error_rate", 0.02, 0.1, "%", "MET"),
    throughput: objective("throughput", 10, 10000, "req/s", "BREACH"),
    overall: "BREACH",
  },
  web: {
    service: "web", start: "2024-05-01T00:00:00Z", end: "2024-05-02T00:00:00Z", totalRequests: 0,
    availability: objective("availability", null, 99.9, "%", "NO_DATA"),
    p95Latency: objective("p95_latency", null, 100, "ms", "NO_DATA"),
    errorRate: objective("error_rate", null, 0.1, "%", "NO_DATA"),
    throughput: objective("throughput", null, 10000, "req/s", "NO_DATA"),
    overall: "NO_DATA",
  },
};

function backend(extra: Record<string, Response | ((c: RecordedCall) => Response)> = {}) {
  return mockFetch({
    "GET /api/metrics/api/v1/label/service/values": listOf(["api"]),
    "GET /api/metrics/api/v1/label/job/values": listOf(["shop/web", "api"]),
    "GET /api/metrics/api/v1/sla/report": (call) => json(200, reports[call.url.searchParams.get("service")!]),
    ...extra,
  });
}

test("every service's report over the window, each objective MET or BREACH against its target", async () => {
  const { callsTo } = backend();
  renderScreen(<SlaPage />, { path: "/sla" });
  const table = await screen.findByRole("table", { name: "SLA over the last 24h" });
  const api = within(table).getByRole("rowheader", { name: "api" }).closest("tr")!;
  await waitFor(() => expect(api).toHaveTextContent("99.95 %"));
  const cells = within(api).getAllByRole("cell");
  expect(cells[0]).toHaveTextContent("BREACH");
  expect(cells[1]).toHaveTextContent("MET 99.95 %target ≥ 99.9 %");
  expect(cells[2]).toHaveTextContent("BREACH 180.5 mstarget ≤ 100 ms");
  expect(cells[5]).toHaveTextContent("864,000");
  const web = within(table).getByRole("rowheader", { name: "web" }).closest("tr")!;
  await waitFor(() => expect(web).toHaveTextContent("NO DATA"));
  const call = callsTo("GET /api/metrics/api/v1/sla/report").find((c) => c.url.searchParams.get("service") === "api")!;
  const start = Number(call.url.searchParams.get("start"));
  expect(Number(call.url.searchParams.get("end")) - start).toBe(86_400);
  expect(callsTo("GET /api/metrics/api/v1/label/service/values")[0]!.url.searchParams.getAll("match[]")).toEqual(["http_server_request_duration_seconds_count"]);
});

test("window and services are in the URL", async () => {
  const { callsTo } = backend();
  renderScreen(<SlaPage />, { path: "/sla" });
  await screen.findByRole("table", { name: "SLA over the last 24h" });
  await userEvent.click(screen.getByRole("button", { name: "Last 7d" }));
  expect(currentUrl().searchParams.get("window")).toBe("7d");
  await userEvent.click(await screen.findByRole("checkbox", { name: "api" }));
  expect(currentUrl().searchParams.getAll("service")).toEqual(["api"]);
  const table = await screen.findByRole("table", { name: "SLA over the last 7d" });
  expect(within(table).queryByRole("rowheader", { name: "web" })).not.toBeInTheDocument();
  await waitFor(() => {
    const last = callsTo("GET /api/metrics/api/v1/sla/report").at(-1)!.url.searchParams;
    expect(Number(last.get("end")) - Number(last.get("start"))).toBe(7 * 86_400);
  });
  await userEvent.type(screen.getByLabelText("Other window"), "200d{Enter}");
  expect(await screen.findByRole("alert")).toHaveTextContent('"200d" is not a window between 1m and 92d');
});

test("the service's refusal of one report is shown in its row", async () => {
  backend({ "GET /api/metrics/api/v1/sla/report": problem(400, "One or more validation errors occurred.", undefined, { errors: { end: ["The range may span at most 92 days."] } }) });
  renderScreen(<SlaPage />, { path: "/sla?service=api" });
  expect(await screen.findByRole("alert")).toHaveTextContent("end: The range may span at most 92 days.");
});

test("reached from the navigation", async () => {
  backend({ "GET /api/session": json(200, viewer) });
  renderApp("/sla");
  expect(await screen.findByRole("heading", { name: "SLA" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "SLA" })).toHaveClass("active");
});
