import { screen, waitFor, within } from "@testing-library/react";
import { FakeUPlot } from "../../test/fakeUPlot";
import { json, mockFetch, problem, type RecordedCall } from "../../test/fetchMock";
import { rangeOf } from "../../test/promAnswers";
import { admin, currentUrl, renderApp, renderScreen, viewer } from "../../test/render";
import { ingestSignals } from "./ingestQueries";
import { OverviewPage } from "./OverviewPage";

vi.mock("uplot", async () => ({ default: (await import("../../test/fakeUPlot")).FakeUPlot }));

beforeEach(() => {
  FakeUPlot.instances = [];
});

const apps = [
  { appId: "metrics-service", health: "Healthy", sidecar: "Healthy", detail: null },
  { appId: "log-service", health: "Degraded", sidecar: "Healthy", detail: "store slow" },
  { appId: "console", health: "Healthy", sidecar: "Unreachable", detail: "daprd did not answer" },
];
const alerts = [
  { fingerprint: "f1", labels: { alertname: "HighLatency", severity: "warning", job: "api" }, annotations: {}, startsAt: "2024-05-01T10:00:00Z", endsAt: "", status: { state: "active", silencedBy: [], inhibitedBy: [] } },
  { fingerprint: "f2", labels: { alertname: "ServiceDown", severity: "critical" }, annotations: { summary: "trace-service is down" }, startsAt: "2024-05-01T11:00:00Z", endsAt: "", status: { state: "active", silencedBy: [], inhibitedBy: [] } },
];
const incidents = [
  { id: "inc-1", groupKey: "g1", title: "ServiceDown on trace-service", status: "triggered", triggeredAt: "2024-05-01T11:00:00Z", rootCause: null },
  { id: "inc-0", groupKey: "g0", title: "Old one", status: "resolved", triggeredAt: "2024-04-01T11:00:00Z", rootCause: null },
  { id: "inc-2", groupKey: "g2", title: "Disk filling", status: "acknowledged", triggeredAt: "2024-05-01T09:00:00Z", rootCause: null },
];

function platform(overrides: Record<string, Response | ((c: RecordedCall) => Response)> = {}) {
  return mockFetch({
    "GET /api/apps": json(200, apps),
    "GET /api/alerts/api/v2/alerts": json(200, alerts),
    "GET /api/alerts/api/v1/incidents": json(200, incidents),
    "POST /api/metrics/api/v1/query_range": rangeOf([{}], ["2", "4", "6"]),
    ...overrides,
  });
}

test("each app's health and its sidecar's, with the detail", async () => {
  platform();
  renderScreen(<OverviewPage />, { session: admin });
  const card = await screen.findByRole("region", { name: "Apps" });
  const row = (await within(card).findByText("log-service")).closest("tr")!;
  expect(row).toHaveTextContent("Degraded");
  expect(row).toHaveTextContent("store slow");
  expect(within(card).getByText("console").closest("tr")).toHaveTextContent("Unreachable");
  expect(within(card).getByRole("link", { name: "metrics-service" })).toHaveAttribute("href", "/dapr?app=metrics-service");
});

test("a viewer sees the apps without links to the admin-only Dapr screen", async () => {
  platform();
  renderScreen(<OverviewPage />, { session: viewer });
  const card = await screen.findByRole("region", { name: "Apps" });
  await within(card).findByText("metrics-service");
  expect(within(card).queryByRole("link", { name: "metrics-service" })).not.toBeInTheDocument();
});

test("ingest rate per signal from the platform's own request metrics, linking to the explorer", async () => {
  const { callsTo } = platform();
  renderScreen(<OverviewPage />, { session: viewer });
  const card = await screen.findByRole("region", { name: /Ingest/ });
  const link = await within(card).findByRole("link", { name: /^traces/ });
  // Its name is its visible text (axe's label-content-name-mismatch); the title says where it goes.
  expect(link).toHaveAttribute("title", "traces ingest rate in the metrics explorer");
  await waitFor(() => expect(link).toHaveTextContent("6 req/s"));
  const exprs = callsTo("POST /api/metrics/api/v1/query_range").map((c) => new URLSearchParams(c.body).get("query"));
  expect(exprs).toEqual(expect.arrayContaining(ingestSignals.map((s) => s.expr)));
  expect(exprs.find((e) => e!.includes("/v1/traces"))).toContain("http_server_request_duration_seconds_count");
  expect(new URL(link.getAttribute("href")!, "http://x").searchParams.get("q")).toBe(ingestSignals.find((s) => s.signal === "traces")!.expr);
  await waitFor(() => expect(FakeUPlot.last().opts.series.slice(1).map((s) => s.label)).toEqual(["metrics", "logs", "traces"]));
});

test("firing alerts, most severe first, each linking to its group", async () => {
  const { callsTo } = platform();
  renderScreen(<OverviewPage />, { session: viewer });
  const card = await screen.findByRole("region", { name: /Firing alerts/ });
  const links = await within(card).findAllByRole("link", { name: /HighLatency|ServiceDown/ });
  expect(links.map((l) => l.textContent)).toEqual(["ServiceDown", "HighLatency"]);
  expect(links[0]).toHaveAttribute("href", `/alerts?filter=${encodeURIComponent('{alertname="ServiceDown"}')}`);
  expect(within(card).getByText("trace-service is down")).toBeInTheDocument();
  expect(within(card).getByText("2")).toBeInTheDocument();
  const call = callsTo("GET /api/alerts/api/v2/alerts")[0]!;
  expect(call.url.searchParams.get("active")).toBe("true");
});

test("open incidents only, newest first, each linking to its page", async () => {
  platform();
  renderScreen(<OverviewPage />, { session: viewer });
  const card = await screen.findByRole("region", { name: /Open incidents/ });
  const links = await within(card).findAllByRole("link", { name: /ServiceDown on|Disk filling/ });
  expect(links.map((l) => l.getAttribute("href"))).toEqual(["/alerts/incidents/inc-1", "/alerts/incidents/inc-2"]);
  expect(within(card).queryByText("Old one")).not.toBeInTheDocument();
});

test("a service that fails shows its message in its own card; the others still draw", async () => {
  platform({ "GET /api/alerts/api/v2/alerts": problem(403, "Forbidden", "alerts:read is needed.") });
  renderScreen(<OverviewPage />, { session: viewer });
  const card = await screen.findByRole("region", { name: /Firing alerts/ });
  expect(await within(card).findByRole("alert")).toHaveTextContent("Could not read the alerts: Forbidden");
  expect(within(card).getByRole("alert")).toHaveTextContent("alerts:read is needed.");
  expect(await within(screen.getByRole("region", { name: "Apps" })).findByText("log-service")).toBeInTheDocument();
});

test("a 401 from any call sends the person to sign-in, to come back to the overview", async () => {
  let signedIn = true;
  mockFetch({
    "GET /api/session": () => (signedIn ? json(200, viewer) : problem(401, "Not signed in", undefined, { methods: ["local"] })),
    "GET /api/apps": () => {
      signedIn = false;
      return problem(401, "Not signed in");
    },
    "GET /api/alerts/api/v2/alerts": json(200, []),
    "GET /api/alerts/api/v1/incidents": json(200, []),
    "POST /api/metrics/api/v1/query_range": rangeOf([]),
  });
  renderApp("/");
  expect(await screen.findByRole("heading", { name: "Sign in to AIRIS EPM" })).toBeInTheDocument();
  expect(currentUrl().pathname).toBe("/signin");
});
