import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { json, mockFetch } from "../../test/fetchMock";
import { renderScreen } from "../../test/render";
import { groups } from "./alertFixtures";
import { AlertGroupsPage } from "./AlertGroupsPage";
import { IncidentPage } from "./IncidentPage";
import { incidentService } from "./InvestigateLinks";

const t = (iso: string) => Date.parse(iso);
const quarter = 15 * 60_000;

test("an alert links to its service's map, logs and traces around the time it began", async () => {
  mockFetch({ "GET /api/alerts/api/v2/alerts/groups": json(200, groups) });
  renderScreen(<AlertGroupsPage />, { path: "/alerts" });
  const down = await screen.findByRole("listitem", { name: "Alert ServiceDown" });
  const links = within(down).getByRole("group", { name: "Investigate trace-service (ServiceDown)" });
  const [start, end] = [t("2024-05-01T11:00:00Z") - quarter, t("2024-05-01T11:00:00Z") + quarter];
  expect(within(links).getByRole("link", { name: "Traces of trace-service (ServiceDown)" })).toHaveAttribute("href", `/traces?service=trace-service&start=${start}&end=${end}`);
  expect(within(links).getByRole("link", { name: "Logs of trace-service (ServiceDown)" })).toHaveAttribute(
    "href", `/logs?query=service%3A%22trace-service%22&start=${start}&end=${end}`,
  );
  expect(within(links).getByRole("link", { name: "Service map of trace-service (ServiceDown)" })).toHaveAttribute("href", `/service-map?from=${start}&to=${end}&node=trace-service`);
});

const incident = {
  id: "inc-9", groupKey: "g1", title: "CheckoutErrors", policyName: "critical", status: "triggered", triggeredAt: "2024-05-01T11:00:00Z",
  nextStep: 0, nextStepAt: null, retryTargets: [], retryAt: null, services: ["checkout", "payments"],
  rootCause: "payments: payments has no failing dependency and 1 failing service depends on it",
  timeline: [], groups: [{ groupKey: "g1", name: "CheckoutErrors", joinedAt: "2024-05-01T11:00:00Z", resolved: false }],
};

test("an incident links to its root-cause service's traces at the time it triggered", async () => {
  mockFetch({ "GET /api/alerts/api/v1/incidents/inc-9": json(200, incident) });
  renderScreen(<Routes><Route path="/alerts/incidents/:id" element={<IncidentPage />} /></Routes>, { path: "/alerts/incidents/inc-9" });
  const traces = await screen.findByRole("link", { name: "Traces of payments" });
  expect(traces).toHaveAttribute("href", `/traces?service=payments&start=${t(incident.triggeredAt) - quarter}&end=${t(incident.triggeredAt) + quarter}`);
  expect(screen.getByRole("link", { name: "Service map of payments" })).toBeInTheDocument();
});

test("the incident's service: the root cause's, else its first service, else none", () => {
  expect(incidentService("db: reason", ["api"])).toBe("db");
  expect(incidentService("db", [])).toBe("db");
  expect(incidentService(null, ["api", "web"])).toBe("api");
  expect(incidentService(null, [])).toBeUndefined();
});
