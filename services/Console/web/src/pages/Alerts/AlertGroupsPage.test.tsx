import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { currentUrl, editor, renderApp, renderScreen, viewer } from "../../test/render";
import { groups } from "./alertFixtures";
import { AlertGroupsPage } from "./AlertGroupsPage";

test("the route's groups with each alert's labels, annotations, start and state", async () => {
  const { callsTo } = mockFetch({ "GET /api/alerts/api/v2/alerts/groups": json(200, groups) });
  renderScreen(<AlertGroupsPage />, { path: "/alerts" });
  const group = await screen.findByRole("region", { name: 'Group alertname="HighLatency"' });
  expect(within(group).getByText("receiver: oncall")).toBeInTheDocument();
  expect(within(group).getAllByRole("listitem", { name: "Alert HighLatency" })).toHaveLength(2);
  const down = screen.getByRole("listitem", { name: "Alert ServiceDown" });
  expect(within(down).getByRole("list", { name: "Labels of ServiceDown" })).toHaveTextContent('service="trace-service"');
  expect(within(down).getByText("trace-service is down")).toBeInTheDocument();
  expect(within(down).getByText("summary")).toBeInTheDocument();
  expect(within(down).getByRole("link", { name: "Source" })).toHaveAttribute("href", "http://airis/metrics?q=up");
  expect(within(down).getByText(/2024-05-01/)).toHaveAttribute("datetime", "2024-05-01T11:00:00Z");
  expect(screen.getByRole("link", { name: /silenced by 5f0c1d2e/ })).toHaveAttribute("href", "/alerts/silences/5f0c1d2e-aaaa-bbbb-cccc-000000000001");
  const url = callsTo("GET /api/alerts/api/v2/alerts/groups")[0]!.url;
  expect(url.searchParams.get("silenced")).toBe("false");
  expect(url.searchParams.get("inhibited")).toBe("false");
  expect(url.searchParams.get("active")).toBe("true");
  expect(url.searchParams.has("filter")).toBe(false);
});

test("filter, toggles and grouping live in the URL and reach the API", async () => {
  const { callsTo } = mockFetch({ "GET /api/alerts/api/v2/alerts/groups": json(200, groups) });
  renderScreen(<AlertGroupsPage />, { path: "/alerts" });
  await screen.findByRole("region", { name: 'Group alertname="ServiceDown"' });
  await userEvent.type(screen.getByLabelText("Filter"), '{{severity="warning"}');
  await userEvent.keyboard("{Enter}");
  await waitFor(() => expect(currentUrl().searchParams.get("filter")).toBe('{severity="warning"}'));
  await userEvent.click(screen.getByLabelText("Show silenced"));
  await waitFor(() => expect(currentUrl().searchParams.get("silenced")).toBe("1"));
  const last = () => callsTo("GET /api/alerts/api/v2/alerts/groups").at(-1)!.url.searchParams;
  await waitFor(() => expect(last().get("silenced")).toBe("true"));
  expect(last().getAll("filter")).toEqual(['{severity="warning"}']);

  await userEvent.type(screen.getByLabelText("Group by labels"), "service");
  await userEvent.click(screen.getByRole("button", { name: "Group" }));
  await waitFor(() => expect(currentUrl().searchParams.get("group")).toBe("service"));
  expect(await screen.findByRole("region", { name: 'Group service="web"' })).toBeInTheDocument();
  expect(screen.getByRole("region", { name: 'Group service="api"' })).toBeInTheDocument();
  expect(screen.queryByText("receiver: oncall")).not.toBeInTheDocument();
});

test("a label chip adds its matcher to the filter", async () => {
  mockFetch({ "GET /api/alerts/api/v2/alerts/groups": json(200, groups) });
  renderScreen(<AlertGroupsPage />, { path: "/alerts?filter=%7Bseverity%3D%22warning%22%7D" });
  const labels = await screen.findByRole("list", { name: "Labels of ServiceDown" });
  await userEvent.click(within(labels).getByRole("button", { name: 'service="trace-service"' }));
  expect(currentUrl().searchParams.get("filter")).toBe('{severity="warning", service="trace-service"}');
});

test("a filter with a syntax error is pointed at and not sent; the service's refusal is shown", async () => {
  const { callsTo } = mockFetch({
    "GET /api/alerts/api/v2/alerts/groups": (call) =>
      call.url.searchParams.get("filter") === "{a=~b}"
        ? problem(400, "One or more validation errors occurred.", undefined, { errors: { filter: ['"{a=~b}": missing closing \'}\' (position 5)'] } })
        : json(200, groups),
  });
  renderScreen(<AlertGroupsPage />, { path: "/alerts" });
  await screen.findByRole("region", { name: 'Group alertname="ServiceDown"' });
  await userEvent.type(screen.getByLabelText("Filter"), '{{severity="x"');
  await userEvent.keyboard("{Enter}");
  expect(await screen.findByRole("alert")).toHaveTextContent("missing closing '}' (position 13)");
  expect(screen.getByLabelText("Filter")).toHaveAttribute("aria-invalid", "true");
  expect(callsTo("GET /api/alerts/api/v2/alerts/groups")).toHaveLength(1);

  renderScreen(<AlertGroupsPage />, { path: "/alerts?filter=%7Ba%3D~b%7D" });
  expect(await screen.findByText(/filter.*position 5/)).toBeInTheDocument();
});

test("Silence is offered, prefilled from the alert's labels, only to people with alerts:write", async () => {
  mockFetch({ "GET /api/alerts/api/v2/alerts/groups": json(200, groups) });
  const { unmount } = renderScreen(<AlertGroupsPage />, { path: "/alerts", session: editor });
  const link = await screen.findByRole("link", { name: "Silence ServiceDown" });
  const target = new URL(link.getAttribute("href")!, "http://console.test");
  expect(target.pathname).toBe("/alerts/silences/new");
  expect(target.searchParams.get("matchers")).toBe('{alertname="ServiceDown", service="trace-service", severity="critical"}');
  unmount();

  renderScreen(<AlertGroupsPage />, { path: "/alerts", session: viewer });
  await screen.findByRole("listitem", { name: "Alert ServiceDown" });
  expect(screen.queryByRole("link", { name: /^Silence/ })).not.toBeInTheDocument();
  expect(screen.queryByRole("link", { name: "New silence" })).not.toBeInTheDocument();
});

test("reached from the navigation", async () => {
  mockFetch({ "GET /api/session": json(200, viewer), "GET /api/alerts/api/v2/alerts/groups": json(200, []) });
  renderApp("/alerts");
  expect(await screen.findByRole("heading", { name: "Alert groups" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Groups" })).toHaveClass("active");
  expect(await screen.findByText("0 alerts in 0 groups")).toBeInTheDocument();
});
