import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { currentUrl, renderScreen, viewer } from "../../test/render";
import { DashboardsListPage } from "./DashboardsListPage";

const summaries = [
  { id: "self", title: "AIRIS self-monitoring", tags: ["airis"], updated: "2024-05-01T10:00:00Z" },
  { id: "node", title: "Node exporter", tags: ["linux", "imported"], updated: "2024-05-02T10:00:00Z" },
];

test("lists the dashboards with links; search and tag filters live in the URL", async () => {
  mockFetch({ "GET /api/dashboards": json(200, summaries) });
  renderScreen(<DashboardsListPage />, { path: "/dashboards" });
  const table = await screen.findByRole("table", { name: "Dashboards" });
  expect(within(table).getByRole("link", { name: "AIRIS self-monitoring" })).toHaveAttribute("href", "/dashboards/self");

  await userEvent.type(screen.getByLabelText("Search"), "node");
  expect(currentUrl().searchParams.get("search")).toBe("node");
  expect(within(table).queryByText("AIRIS self-monitoring")).not.toBeInTheDocument();
  await userEvent.clear(screen.getByLabelText("Search"));

  await userEvent.click(within(table).getByRole("button", { name: "Only dashboards tagged airis" }));
  expect(currentUrl().searchParams.get("tag")).toBe("airis");
  expect(within(table).queryByText("Node exporter")).not.toBeInTheDocument();
});

test("New dashboard creates one and opens it for editing", async () => {
  const { callsTo } = mockFetch({
    "GET /api/dashboards": json(200, summaries),
    "POST /api/dashboards": json(201, { id: "n3w", title: "New dashboard" }),
  });
  renderScreen(<DashboardsListPage />, { path: "/dashboards" });
  await userEvent.click(await screen.findByRole("button", { name: "New dashboard" }));
  await waitFor(() => expect(currentUrl().pathname).toBe("/dashboards/n3w"));
  expect(currentUrl().searchParams.get("edit")).toBe("1");
  expect(JSON.parse(callsTo("POST /api/dashboards")[0]!.body!)).toMatchObject({ title: "New dashboard", panels: [], variables: [] });
});

test("deleting asks for confirmation first", async () => {
  const { callsTo } = mockFetch({
    "GET /api/dashboards": json(200, summaries),
    "DELETE /api/dashboards/node": new Response(null, { status: 204 }),
  });
  renderScreen(<DashboardsListPage />, { path: "/dashboards" });
  await userEvent.click(await screen.findByRole("button", { name: "Delete Node exporter" }));
  expect(callsTo("DELETE /api/dashboards/node")).toHaveLength(0);
  await userEvent.click(screen.getByRole("button", { name: "Confirm deleting Node exporter" }));
  await waitFor(() => expect(callsTo("DELETE /api/dashboards/node")).toHaveLength(1));
});

test("a viewer sees the list without the changing buttons", async () => {
  mockFetch({ "GET /api/dashboards": json(200, summaries) });
  renderScreen(<DashboardsListPage />, { path: "/dashboards", session: viewer });
  await screen.findByRole("table", { name: "Dashboards" });
  expect(screen.queryByRole("button", { name: "New dashboard" })).not.toBeInTheDocument();
  expect(screen.queryByRole("link", { name: "Import from Grafana" })).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: /Delete/ })).not.toBeInTheDocument();
});

test("a failing list is shown as the console's message", async () => {
  mockFetch({ "GET /api/dashboards": problem(503, "Service unavailable", "The state store did not answer.") });
  renderScreen(<DashboardsListPage />, { path: "/dashboards" });
  expect(await screen.findByRole("alert", {}, { timeout: 15_000 })).toHaveTextContent("The state store did not answer.");
});
