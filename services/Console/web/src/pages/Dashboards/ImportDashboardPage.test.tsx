import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { dashboardFixture } from "../../test/dashboardFixture";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { currentUrl, renderScreen, viewer } from "../../test/render";
import { ImportDashboardPage } from "./ImportDashboardPage";

const grafana = { dashboard: { title: "Node exporter", panels: [{ type: "piechart" }, { type: "timeseries" }] } };
const imported = {
  dashboard: { ...dashboardFixture({ id: "", title: "Node exporter" }) },
  unmapped: [{ path: "panels[0]", reason: "panel type piechart is not supported" }],
};

function paste(text: string) {
  fireEvent.change(screen.getByLabelText("Grafana dashboard JSON"), { target: { value: text } });
}

test("a pasted dashboard is previewed with what did not map, and saved only on request", async () => {
  const { callsTo } = mockFetch({
    "POST /api/dashboards/import": json(200, imported),
    "POST /api/dashboards": json(201, { ...imported.dashboard, id: "abc" }),
  });
  renderScreen(<ImportDashboardPage />, { path: "/dashboards/import" });
  paste(JSON.stringify(grafana));
  await userEvent.click(screen.getByRole("button", { name: "Preview import" }));

  const preview = await screen.findByRole("region", { name: "Import preview" });
  expect(within(preview).getByText("3 panels, 2 variables, range now-6h to now")).toBeInTheDocument();
  const unmapped = within(preview).getByRole("table", { name: "Not imported" });
  expect(within(unmapped).getByText("panels[0]")).toBeInTheDocument();
  expect(within(unmapped).getByText("panel type piechart is not supported")).toBeInTheDocument();
  expect(JSON.parse(callsTo("POST /api/dashboards/import")[0]!.body!)).toEqual(grafana);
  expect(callsTo("POST /api/dashboards")).toHaveLength(0);

  await userEvent.click(within(preview).getByRole("button", { name: "Save dashboard" }));
  await waitFor(() => expect(currentUrl().pathname).toBe("/dashboards/abc"));
  expect(JSON.parse(callsTo("POST /api/dashboards")[0]!.body!).title).toBe("Node exporter");
});

test("a file is read into the text box", async () => {
  mockFetch({});
  renderScreen(<ImportDashboardPage />, { path: "/dashboards/import" });
  const file = new File([JSON.stringify(grafana)], "node.json", { type: "application/json" });
  await userEvent.upload(screen.getByLabelText("Or choose a file"), file);
  await waitFor(() => expect(screen.getByLabelText("Grafana dashboard JSON")).toHaveValue(JSON.stringify(grafana)));
});

test("text that is not JSON is refused before anything is sent", async () => {
  const { calls } = mockFetch({});
  renderScreen(<ImportDashboardPage />, { path: "/dashboards/import" });
  paste("{ not json");
  await userEvent.click(screen.getByRole("button", { name: "Preview import" }));
  expect(screen.getByRole("alert")).toHaveTextContent("This is not JSON");
  expect(calls).toHaveLength(0);
});

test("the importer's validation problem is listed field by field", async () => {
  mockFetch({
    "POST /api/dashboards/import": json(400, {
      title: "Not a Grafana dashboard this console can import",
      status: 400,
      errors: { panels: ["'panels' must be a list."] },
    }),
  });
  renderScreen(<ImportDashboardPage />, { path: "/dashboards/import" });
  paste('{"panels": 3}');
  await userEvent.click(screen.getByRole("button", { name: "Preview import" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Could not import: Not a Grafana dashboard this console can import");
  expect(alert).toHaveTextContent("'panels' must be a list.");
});

test("a viewer may preview but not save", async () => {
  mockFetch({ "POST /api/dashboards/import": json(200, { ...imported, unmapped: [] }) });
  renderScreen(<ImportDashboardPage />, { path: "/dashboards/import", session: viewer });
  paste(JSON.stringify(grafana));
  await userEvent.click(screen.getByRole("button", { name: "Preview import" }));
  expect(await screen.findByText("Everything in the Grafana dashboard mapped.")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Save dashboard" })).not.toBeInTheDocument();
});

test("a failed save says why", async () => {
  mockFetch({
    "POST /api/dashboards/import": json(200, imported),
    "POST /api/dashboards": problem(403, "Forbidden", "Changing dashboards needs alerts:write."),
  });
  renderScreen(<ImportDashboardPage />, { path: "/dashboards/import" });
  paste(JSON.stringify(grafana));
  await userEvent.click(screen.getByRole("button", { name: "Preview import" }));
  await userEvent.click(await screen.findByRole("button", { name: "Save dashboard" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Changing dashboards needs alerts:write.");
});
