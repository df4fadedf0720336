import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, mockFetch, problem } from "../test/fetchMock";
import { admin, currentUrl, renderApp, viewer } from "../test/render";

test("the navigation lists every screen, and Admin only for admins", async () => {
  mockFetch({ "GET /api/session": json(200, viewer) });
  renderApp("/sla-nowhere");
  const nav = await screen.findByRole("navigation", { name: "Main" });
  for (const name of ["Overview", "Metrics", "Dashboards", "Groups", "Silences", "Rules", "Incidents", "Notifications", "SLA", "Logs", "Traces", "Service map"]) {
    expect(within(nav).getByRole("link", { name })).toBeInTheDocument();
  }
  expect(within(nav).queryByRole("link", { name: "Users" })).not.toBeInTheDocument();
  expect(within(nav).queryByRole("link", { name: "Dapr" })).not.toBeInTheDocument();
  expect(within(nav).getByRole("link", { name: "Service map" })).toHaveAttribute("href", "/service-map");
});

test("an admin sees Admin › Users and Dapr", async () => {
  mockFetch({ "GET /api/session": json(200, admin) });
  renderApp("/nowhere");
  const nav = await screen.findByRole("navigation", { name: "Main" });
  expect(within(within(nav).getByRole("region", { name: "Admin" })).getByRole("link", { name: "Users" })).toHaveAttribute("href", "/admin/users");
  expect(within(nav).getByRole("link", { name: "Dapr" })).toBeInTheDocument();
});

test("sign out ends the session on the console and goes to sign-in", async () => {
  let signedIn = true;
  const { callsTo } = mockFetch({
    "GET /api/session": () => (signedIn ? json(200, viewer) : problem(401, "Not signed in", undefined, { methods: ["local"] })),
    "POST /api/session/logout": () => {
      signedIn = false;
      return new Response(null, { status: 204 });
    },
  });
  renderApp("/nowhere");
  await userEvent.click(await screen.findByRole("button", { name: "Sign out" }));
  expect(await screen.findByRole("heading", { name: "Sign in to AIRIS EPM" })).toBeInTheDocument();
  expect(callsTo("POST /api/session/logout")).toHaveLength(1);
  expect(currentUrl().pathname).toBe("/signin");
});

test("an unknown address inside the console says so", async () => {
  mockFetch({ "GET /api/session": json(200, viewer) });
  renderApp("/nowhere");
  expect(await screen.findByRole("heading", { name: "No such screen" })).toBeInTheDocument();
  expect(within(screen.getByRole("main")).getByText("/nowhere")).toBeInTheDocument();
});

test("the person's name and role are in the header", async () => {
  mockFetch({ "GET /api/session": json(200, viewer) });
  renderApp("/nowhere");
  expect(await screen.findByLabelText("Signed in as")).toHaveTextContent("vera viewer");
});
