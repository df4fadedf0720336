import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Silence } from "../../api/alerts";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { currentUrl, editor, renderApp, renderScreen, viewer } from "../../test/render";
import { down, latency, latencyWeb } from "./alertFixtures";
import { SilenceEditorPage } from "./SilenceEditorPage";
import { SilencesPage } from "./SilencesPage";
import { Route, Routes } from "react-router";

/** GET /api/v2/silences as alert-service answers it (Apis/Models/SilenceModels.cs). */
const silence = (id: string, state: Silence["status"]["state"], matchers: Silence["matchers"], extra: Partial<Silence> = {}): Silence => ({
  id, status: { state }, updatedAt: "2024-05-01T10:00:00Z", matchers,
  startsAt: "2024-05-01T10:00:00Z", endsAt: "2024-05-01T12:00:00Z", createdBy: "ada", comment: "deploy window", ...extra,
});
const eq = (name: string, value: string) => ({ name, value, isRegex: false, isEqual: true });
const silences = [
  silence("s-active", "active", [eq("alertname", "HighLatency"), { name: "service", value: "web|api", isRegex: true, isEqual: true }]),
  silence("s-pending", "pending", [eq("service", "checkout")], { startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-01-01T02:00:00Z" }),
  silence("s-old", "expired", [eq("alertname", "ServiceDown")], { comment: "old" }),
];

function editorRoutes() {
  return (
    <Routes>
      <Route path="/alerts/silences/new" element={<SilenceEditorPage />} />
      <Route path="/alerts/silences/:id" element={<SilenceEditorPage />} />
      <Route path="/alerts/silences" element={<p>list</p>} />
    </Routes>
  );
}

test("lists silences by state, with counts, state and filter in the URL", async () => {
  mockFetch({ "GET /api/alerts/api/v2/silences": json(200, silences) });
  renderScreen(<SilencesPage />, { path: "/alerts/silences" });
  const table = await screen.findByRole("table", { name: "active silences" });
  expect(within(table).getByRole("link", { name: 'Silence {alertname="HighLatency", service=~"web|api"}' })).toHaveAttribute("href", "/alerts/silences/s-active");
  expect(within(table).getByText("deploy window")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Pending (1)" })).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Expired (1)" }));
  expect(currentUrl().searchParams.get("state")).toBe("expired");
  const expired = await screen.findByRole("table", { name: "expired silences" });
  expect(within(expired).getByText("old")).toBeInTheDocument();
  expect(within(expired).queryByRole("button", { name: /Expire/ })).not.toBeInTheDocument();

  await userEvent.type(screen.getByLabelText("Filter"), "service=checkout{Enter}");
  expect(currentUrl().searchParams.get("filter")).toBe("service=checkout");
  expect(screen.getByRole("button", { name: "Pending (1)" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Expired (0)" })).toBeInTheDocument();
});

test("expire is a DELETE; the service's refusal is shown; viewers get no button", async () => {
  const { callsTo } = mockFetch({
    "GET /api/alerts/api/v2/silences": json(200, silences),
    "DELETE /api/alerts/api/v2/silence/s-active": problem(409, "Silence already expired", "silence s-active is already expired"),
  });
  const { unmount } = renderScreen(<SilencesPage />, { path: "/alerts/silences", session: editor });
  await userEvent.click(await screen.findByRole("button", { name: /^Expire \{/ }));
  expect(await screen.findByRole("alert")).toHaveTextContent("silence s-active is already expired");
  expect(callsTo("DELETE /api/alerts/api/v2/silence/s-active")).toHaveLength(1);
  expect(callsTo("DELETE /api/alerts/api/v2/silence/s-active")[0]!.headers.has("Content-Type")).toBe(false);
  unmount();
  renderScreen(<SilencesPage />, { path: "/alerts/silences", session: viewer });
  await screen.findByRole("table", { name: "active silences" });
  expect(screen.queryByRole("button", { name: /^Expire \{/ })).not.toBeInTheDocument();
  expect(screen.queryByRole("link", { name: "New silence" })).not.toBeInTheDocument();
});

test("a new silence from an alert: prefilled matchers, live preview, duration, POST", async () => {
  const { callsTo } = mockFetch({
    "GET /api/alerts/api/v2/alerts": json(200, [down, latency, latencyWeb]),
    "POST /api/alerts/api/v2/silences": json(200, { silenceID: "new-1" }),
  });
  const matchers = encodeURIComponent('{alertname="HighLatency", service="api"}');
  renderScreen(editorRoutes(), { path: `/alerts/silences/new?matchers=${matchers}`, session: editor });
  expect(await screen.findByLabelText("Value of matcher 2")).toHaveValue("api");
  expect(screen.getByLabelText("Created by")).toHaveValue("eddie");
  expect(await screen.findByText("1 of 3 current alerts would be silenced.")).toBeInTheDocument();

  await userEvent.selectOptions(screen.getByLabelText("Operator of matcher 2"), "=~");
  await userEvent.clear(screen.getByLabelText("Value of matcher 2"));
  await userEvent.type(screen.getByLabelText("Value of matcher 2"), "api|web");
  expect(screen.getByText("2 of 3 current alerts would be silenced.")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Remove matcher 1" }));
  expect(screen.getByText("2 of 3 current alerts would be silenced.")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Add matcher" }));
  await userEvent.type(screen.getByLabelText("Label of matcher 2"), "severity");
  await userEvent.selectOptions(screen.getByLabelText("Operator of matcher 2"), "!=");
  await userEvent.type(screen.getByLabelText("Value of matcher 2"), "warning");
  expect(screen.getByText("0 of 3 current alerts would be silenced.")).toBeInTheDocument();

  await userEvent.clear(screen.getByLabelText("Duration"));
  await userEvent.type(screen.getByLabelText("Duration"), "90m");
  await userEvent.click(screen.getByRole("button", { name: "Create silence" }));
  expect(await screen.findByText("Say why (the comment is required).")).toBeInTheDocument();
  expect(screen.getByLabelText("Comment")).toHaveAttribute("aria-invalid", "true");
  expect(callsTo("POST /api/alerts/api/v2/silences")).toHaveLength(0);
  await userEvent.type(screen.getByLabelText("Comment"), "rollout");
  await userEvent.click(screen.getByRole("button", { name: "Create silence" }));
  await waitFor(() => expect(callsTo("POST /api/alerts/api/v2/silences")).toHaveLength(1));
  const body = JSON.parse(callsTo("POST /api/alerts/api/v2/silences")[0]!.body!);
  expect(body.matchers).toEqual([
    { name: "service", value: "api|web", isRegex: true, isEqual: true },
    { name: "severity", value: "warning", isRegex: false, isEqual: false },
  ]);
  expect(Date.parse(body.endsAt) - Date.parse(body.startsAt)).toBe(90 * 60_000);
  expect(body).toMatchObject({ createdBy: "eddie", comment: "rollout" });
  expect(body.id).toBeUndefined();
  expect(await screen.findByText("list")).toBeInTheDocument();
});

test("editing posts the id with an end time; the service's validation problem is shown", async () => {
  const { callsTo } = mockFetch({
    "GET /api/alerts/api/v2/silence/s-active": json(200, silences[0]),
    "GET /api/alerts/api/v2/alerts": json(200, [latency]),
    "POST /api/alerts/api/v2/silences": problem(400, "One or more validation errors occurred.", undefined, { errors: { endsAt: ["endsAt must be in the future"] } }),
  });
  renderScreen(editorRoutes(), { path: "/alerts/silences/s-active", session: editor });
  expect(await screen.findByLabelText("Value of matcher 1")).toHaveValue("HighLatency");
  expect(screen.getByLabelText("Duration")).toHaveValue("2h");
  await userEvent.click(screen.getByLabelText("Until a time"));
  const end = screen.getByLabelText("End");
  await userEvent.clear(end);
  await userEvent.type(end, "2024-05-01T15:30");
  await userEvent.click(screen.getByRole("button", { name: "Update silence" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("endsAt must be in the future");
  const body = JSON.parse(callsTo("POST /api/alerts/api/v2/silences")[0]!.body!);
  expect(body.id).toBe("s-active");
  expect(body.endsAt).toBe(new Date(2024, 4, 1, 15, 30).toISOString());
});

test("a viewer sees a silence read-only and cannot open a new one; an unknown id is a readable 404", async () => {
  mockFetch({
    "GET /api/alerts/api/v2/silence/s-active": json(200, silences[0]),
    "GET /api/alerts/api/v2/silence/nope": problem(404, "Silence not found", "No silence has the id 'nope'."),
    "GET /api/alerts/api/v2/alerts": json(200, []),
  });
  const { unmount } = renderScreen(editorRoutes(), { path: "/alerts/silences/s-active", session: viewer });
  expect(await screen.findByLabelText("Value of matcher 1")).toBeDisabled();
  expect(screen.queryByRole("button", { name: "Update silence" })).not.toBeInTheDocument();
  unmount();
  renderScreen(editorRoutes(), { path: "/alerts/silences/nope", session: editor });
  expect(await screen.findByRole("alert")).toHaveTextContent("No silence has the id 'nope'.");
});

test("reached from the navigation", async () => {
  mockFetch({ "GET /api/session": json(200, editor), "GET /api/alerts/api/v2/silences": json(200, []) });
  renderApp("/alerts/silences");
  expect(await screen.findByRole("heading", { name: "Silences" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Silences" })).toHaveClass("active");
});
