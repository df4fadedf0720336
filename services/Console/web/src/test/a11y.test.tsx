import { screen } from "@testing-library/react";
import axe from "axe-core";
import { dashboardFixture } from "./dashboardFixture";
import { json, mockFetch, problem } from "./fetchMock";
import { listOf, rangeOf, vectorOf } from "./promAnswers";
import { logsRoutes } from "../pages/Logs/logsFixture";
import { admin, renderApp } from "./render";

vi.mock("uplot", async () => ({ default: (await import("./fakeUPlot")).FakeUPlot }));

/**
 * axe-core over each screen as jsdom renders it: names, roles, labels and structure (what can be judged without
 * layout; colour contrast is left to the browser tests, which run axe in chromium).
 */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

function backend() {
  return mockFetch({
    "GET /api/session": json(200, admin),
    "GET /api/apps": json(200, [{ appId: "metrics-service", health: "Healthy", sidecar: "Healthy", detail: null }]),
    "GET /api/alerts/api/v2/alerts": json(200, []),
    "GET /api/alerts/api/v1/incidents": json(200, []),
    "GET /api/dashboards": json(200, [{ id: "svc", title: "Services", tags: ["airis"], updated: "2024-05-01T10:00:00Z" }]),
    "GET /api/dashboards/svc": json(200, dashboardFixture()),
    "GET /api/users": json(200, [{ name: "ada", role: "admin", created: "2024-05-01T10:00:00Z", updated: "2024-05-01T10:00:00Z" }]),
    "GET /api/metrics/api/v1/label/job/values": listOf(["api"]),
    "GET /api/metrics/api/v1/label/__name__/values": listOf(["up"]),
    "GET /api/metrics/api/v1/metadata": json(200, { status: "success", data: {} }),
    "GET /api/metrics/api/v1/series": json(200, { status: "success", data: [{ instance: "a:1" }] }),
    "POST /api/metrics/api/v1/query_range": rangeOf([{ job: "api" }]),
    "POST /api/metrics/api/v1/query": vectorOf([[{ job: "api" }, "1"]]),
    ...logsRoutes(),
  });
}

test.each([
  ["/", "Overview"],
  ["/explore/metrics?q=up", "Metrics"],
  ["/explore/metrics?q=up&view=table", "Metrics"],
  ["/dashboards", "Dashboards"],
  ["/dashboards/svc", "Services"],
  ["/dashboards/svc?edit=1&editPanel=1", "Edit panel"],
  ["/dashboards/import", "Import a Grafana dashboard"],
  ["/admin/users", "Users"],
  ["/logs", "Logs"],
  ["/logs?open=r0&f=service:sshd", "Logs"],
  ["/logs?view=patterns", "Logs"],
])("%s has no axe violations", async (path, heading) => {
  backend();
  renderApp(path);
  await screen.findByRole("heading", { name: heading });
  await new Promise((r) => setTimeout(r, 300));
  expect(await violations()).toEqual([]);
});

test("the sign-in page has no axe violations", async () => {
  mockFetch({ "GET /api/session": problem(401, "Not signed in", undefined, { methods: ["local", "oidc"] }) });
  renderApp("/signin");
  await screen.findByRole("button", { name: "Sign in" });
  expect(await violations()).toEqual([]);
});
