import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { currentUrl, editor, renderScreen, viewer } from "../../test/render";
import { IncidentPage } from "./IncidentPage";
import { IncidentsPage } from "./IncidentsPage";
import { NotificationsPage } from "./NotificationsPage";

/** GET /api/v1/incidents (Incidents/IncidentSummary.cs) and /{id} (Incidents/Incident.cs), camelCase, enums lower. */
const list = [
  { id: "inc-1", groupKey: "{}:{alertname=\"ServiceDown\"}", title: "ServiceDown (trace-service)", status: "triggered", triggeredAt: "2024-05-01T11:00:00Z", rootCause: null, policyName: "default", groups: ["g1", "g2"] },
  { id: "inc-2", groupKey: "g3", title: "Disk filling", status: "acknowledged", triggeredAt: "2024-05-01T09:00:00Z", rootCause: "log volume", policyName: "default", groups: ["g3"] },
  { id: "inc-0", groupKey: "g0", title: "Old outage", status: "resolved", triggeredAt: "2024-04-01T09:00:00Z", rootCause: null },
];
const detail = {
  id: "inc-1", groupKey: "g1", title: "ServiceDown (trace-service)", policyName: "default", status: "triggered", triggeredAt: "2024-05-01T11:00:00Z",
  nextStep: 1, nextStepAt: "2024-05-01T11:05:00Z", retryTargets: ["oncall/slack[0]"], retryAttempt: 1, retryAt: "2024-05-01T11:01:00Z", wakeAt: "2024-05-01T11:01:00Z",
  services: ["trace-service"], rootCause: null,
  timeline: [
    { at: "2024-05-01T11:00:00Z", kind: "triggered", detail: "ServiceDown (trace-service)" },
    { at: "2024-05-01T11:00:01Z", kind: "notification-failed", detail: "oncall/slack[0]: attempt 1 failed (timeout); retrying in 00:01:00" },
  ],
  groups: [{ groupKey: "g1", name: "ServiceDown (trace-service)", joinedAt: "2024-05-01T11:00:00Z", resolved: false }],
};

const routes = (
  <Routes>
    <Route path="/alerts/incidents" element={<IncidentsPage />} />
    <Route path="/alerts/incidents/:id" element={<IncidentPage />} />
  </Routes>
);

test("open incidents first, acknowledged and resolved on their tabs, the tab in the URL", async () => {
  mockFetch({ "GET /api/alerts/api/v1/incidents": json(200, list) });
  renderScreen(routes, { path: "/alerts/incidents" });
  const open = await screen.findByRole("table", { name: "Open incidents" });
  expect(within(open).getAllByRole("rowheader").map((r) => r.textContent)).toEqual(["ServiceDown (trace-service)", "Disk filling"]);
  expect(within(open).getByRole("link", { name: "ServiceDown (trace-service)" })).toHaveAttribute("href", "/alerts/incidents/inc-1");
  expect(within(open).getByText("log volume")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Resolved (1)" }));
  expect(currentUrl().searchParams.get("status")).toBe("resolved");
  expect(within(screen.getByRole("table", { name: "Resolved incidents" })).getByText("Old outage")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Acknowledged (1)" })).toBeInTheDocument();
});

test("an incident's escalation and timeline; acknowledge, then resolve", async () => {
  let current: typeof detail = detail;
  const acked = { ...detail, status: "acknowledged", nextStepAt: null, retryTargets: [], timeline: [...detail.timeline, { at: "2024-05-01T11:02:00Z", kind: "acknowledged", detail: "by eddie" }] };
  const { callsTo } = mockFetch({
    "GET /api/alerts/api/v1/incidents/inc-1": () => json(200, current),
    "GET /api/alerts/api/v1/incidents": json(200, list),
    "POST /api/alerts/api/v1/incidents/inc-1/ack": () => {
      current = acked as unknown as typeof detail;
      return json(200, acked);
    },
    "POST /api/alerts/api/v1/incidents/inc-1/resolve": problem(404, "Incident not found", "No incident has the id 'inc-1'."),
  });
  renderScreen(routes, { path: "/alerts/incidents/inc-1", session: editor });
  expect(await screen.findByRole("heading", { name: "ServiceDown (trace-service)" })).toBeInTheDocument();
  expect(screen.getByText(/step 2 at/)).toBeInTheDocument();
  expect(screen.getByText(/oncall\/slack\[0\]/, { selector: "dd" })).toBeInTheDocument();
  const timeline = screen.getByRole("list", { name: "Timeline" });
  expect(within(timeline).getAllByRole("listitem")).toHaveLength(2);
  expect(timeline).toHaveTextContent("notification-failed");

  await userEvent.click(screen.getByRole("button", { name: "Acknowledge" }));
  await waitFor(() => expect(within(screen.getByRole("list", { name: "Timeline" })).getAllByRole("listitem")).toHaveLength(3));
  expect(screen.getByRole("list", { name: "Timeline" })).toHaveTextContent("acknowledged by eddie");
  expect(screen.queryByRole("button", { name: "Acknowledge" })).not.toBeInTheDocument();
  expect(callsTo("POST /api/alerts/api/v1/incidents/inc-1/ack")[0]!.body).toBeUndefined();

  await userEvent.click(screen.getByRole("button", { name: "Resolve" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Not resolved: Incident not found");
});

test("viewers see the incident without actions; a missing one is a readable 404", async () => {
  mockFetch({
    "GET /api/alerts/api/v1/incidents/inc-1": json(200, detail),
    "GET /api/alerts/api/v1/incidents/gone": problem(404, "Incident not found", "No incident has the id 'gone'."),
  });
  const { unmount } = renderScreen(routes, { path: "/alerts/incidents/inc-1", session: viewer });
  await screen.findByRole("heading", { name: "ServiceDown (trace-service)" });
  expect(screen.queryByRole("button", { name: "Acknowledge" })).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Resolve" })).not.toBeInTheDocument();
  unmount();
  renderScreen(routes, { path: "/alerts/incidents/gone" });
  expect(await screen.findByRole("alert")).toHaveTextContent("No incident has the id 'gone'.");
});

/** GET /api/v1/notifications (Notifications/NotificationRecord.cs). */
const notifications = [
  { id: "n1", at: "2024-05-01T11:00:00Z", receiver: "oncall", channel: "slack", groupKey: "g1", status: "firing", alertCount: 2, outcome: "sent", error: null, integration: "slack[0]", attempt: 1 },
  { id: "n2", at: "2024-05-01T11:01:00Z", receiver: "oncall", channel: "email", groupKey: "g1", status: "firing", alertCount: 2, outcome: "failed", error: "smtp: connection refused", integration: "email[0]", attempt: 2 },
  { id: "n3", at: "2024-05-01T11:02:00Z", receiver: "team", channel: "webhook", groupKey: "g2", status: "resolved", alertCount: 1, outcome: "gave-up", error: "503 from hook", integration: "webhook[0]", attempt: 5 },
];

test("the notification log with failures visible, filtered in the URL", async () => {
  const { callsTo } = mockFetch({ "GET /api/alerts/api/v1/notifications": json(200, notifications) });
  renderScreen(<NotificationsPage />, { path: "/alerts/notifications" });
  const table = await screen.findByRole("table", { name: "Notification log" });
  expect(screen.getByText("2 of 3 notifications failed.")).toBeInTheDocument();
  expect(within(table).getByText("smtp: connection refused")).toBeInTheDocument();
  expect(within(table).getByText("gave-up #5")).toBeInTheDocument();
  expect(callsTo("GET /api/alerts/api/v1/notifications")[0]!.url.searchParams.get("limit")).toBe("100");

  await userEvent.click(screen.getByLabelText("Failures only"));
  expect(currentUrl().searchParams.get("failed")).toBe("1");
  expect(within(table).queryByText("slack[0]")).not.toBeInTheDocument();
  await userEvent.selectOptions(screen.getByLabelText("Show the last"), "1000");
  await waitFor(() => expect(callsTo("GET /api/alerts/api/v1/notifications").at(-1)!.url.searchParams.get("limit")).toBe("1000"));
  await userEvent.type(screen.getByLabelText("Receiver"), "team");
  await waitFor(() => expect(callsTo("GET /api/alerts/api/v1/notifications").at(-1)!.url.searchParams.get("receiver")).toBe("team"));
  expect(currentUrl().searchParams.get("receiver")).toBe("team");
});

test("a refused notification log shows the problem", async () => {
  mockFetch({ "GET /api/alerts/api/v1/notifications": problem(403, "Forbidden", "alerts:read is required") });
  renderScreen(<NotificationsPage />, { path: "/alerts/notifications" });
  expect(await screen.findByRole("alert")).toHaveTextContent("alerts:read is required");
});
