import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { admin, currentUrl, renderScreen, viewer } from "../../test/render";
import { DaprPage } from "./DaprPage";

/** GET /api/dapr: each sidecar's /v1.0/metadata as daprd writes it (tests/DaprTestSidecar/Http/MetadataJson.cs). */
const entries = [
  {
    appId: "alert-service",
    metadata: {
      id: "alert-service", runtimeVersion: "1.15.4", enabledFeatures: ["SchedulerReminders"],
      actors: [{ type: "RuleActor", count: 12 }, { type: "IncidentActor", count: 2 }],
      components: [
        { name: "statestore", type: "state.redis", version: "v1", capabilities: ["ETAG", "TRANSACTIONAL", "ACTOR"] },
        { name: "pubsub", type: "pubsub.redis", version: "v1", capabilities: [] },
      ],
      extended: { daprRuntimeVersion: "1.15.4" },
      subscriptions: [
        { pubsubname: "pubsub", topic: "alerts", rules: [{ match: "event.type == \"resolved\"", path: "/resolved" }, { path: "/alerts" }], deadLetterTopic: "alerts-dead", type: "PROGRAMMATIC" },
        { pubsubname: "pubsub", topic: "rules-changed", rules: [{ path: "/rules" }], deadLetterTopic: "", type: "DECLARATIVE" },
      ],
      appConnectionProperties: { port: 8083, protocol: "http", channelAddress: "127.0.0.1", health: { healthCheckPath: "/health", healthProbeInterval: "5s", healthProbeTimeout: "500ms", healthThreshold: 3 } },
      actorRuntime: { runtimeStatus: "RUNNING", activeActors: [{ type: "RuleActor", count: 12 }, { type: "IncidentActor", count: 2 }], hostReady: true, placement: "placement: connected" },
    },
    error: null,
  },
  { appId: "log-service", metadata: null, error: "not reachable through Dapr: ERR_DIRECT_INVOKE app log-service not found" },
  { appId: "console", metadata: { id: "console", runtimeVersion: "1.15.4", appConnectionProperties: { port: 8000, protocol: "http", channelAddress: "127.0.0.1" } }, error: null },
];

test("per app: runtime, features, components, subscriptions, actors, app connection and health settings", async () => {
  mockFetch({ "GET /api/dapr": json(200, entries) });
  renderScreen(<DaprPage />, { path: "/dapr", session: admin });
  const apps = await screen.findByRole("table", { name: "Apps" });
  expect(within(apps).getByRole("rowheader", { name: "alert-service" }).closest("tr")).toHaveTextContent("alert-service1.15.42214ok");
  expect(within(apps).getByRole("rowheader", { name: "log-service" }).closest("tr")).toHaveTextContent("unreadable");
  expect(screen.getByRole("heading", { name: "alert-service" })).toBeInTheDocument();
  expect(screen.getByText("SchedulerReminders")).toBeInTheDocument();
  const components = screen.getByRole("table", { name: "Components" });
  expect(within(components).getByRole("rowheader", { name: "statestore" }).closest("tr")).toHaveTextContent("state.redisv1ETAG, TRANSACTIONAL, ACTOR");
  const subs = screen.getByRole("table", { name: "Subscriptions" });
  const alerts = within(subs).getByRole("rowheader", { name: "alerts" }).closest("tr")!;
  expect(alerts).toHaveTextContent('event.type == "resolved" → /resolved');
  expect(alerts).toHaveTextContent("default → /alerts");
  expect(alerts).toHaveTextContent("alerts-dead");
  expect(within(subs).getByRole("rowheader", { name: "rules-changed" }).closest("tr")).toHaveTextContent("none");
  expect(within(screen.getByRole("table", { name: "Actors" })).getByRole("rowheader", { name: "RuleActor" }).closest("tr")).toHaveTextContent("12");
  const connection = screen.getByRole("region", { name: "App connection" });
  expect(connection).toHaveTextContent("8083");
  expect(connection).toHaveTextContent("/health every 5s, timeout 500ms, unhealthy after 3 failures");
});

test("the app in the URL; an unreadable sidecar shows why; empty sections say so", async () => {
  mockFetch({ "GET /api/dapr": json(200, entries) });
  renderScreen(<DaprPage />, { path: "/dapr?app=log-service", session: admin });
  expect(await screen.findByRole("heading", { name: "log-service" })).toBeInTheDocument();
  expect(screen.getByRole("alert")).toHaveTextContent("ERR_DIRECT_INVOKE app log-service not found");
  await userEvent.click(screen.getByRole("link", { name: "console" }));
  expect(currentUrl().search).toBe("?app=console");
  expect(await screen.findByRole("heading", { name: "console" })).toBeInTheDocument();
  expect(screen.getByText("No components are loaded.")).toBeInTheDocument();
  expect(screen.getByText("This app hosts no actor types.")).toBeInTheDocument();
  expect(screen.getByRole("region", { name: "App connection" })).toHaveTextContent("Health checksoff");
});

test("a refused call shows the ProblemDetails; a viewer is told it is for admins and nothing is fetched", async () => {
  mockFetch({ "GET /api/dapr": problem(403, "Forbidden", "The Dapr screen needs the admin permission.") });
  const { unmount } = renderScreen(<DaprPage />, { path: "/dapr", session: admin });
  expect(await screen.findByRole("alert")).toHaveTextContent("The Dapr screen needs the admin permission.");
  unmount();
  const { calls } = mockFetch({});
  renderScreen(<DaprPage />, { path: "/dapr", session: viewer });
  expect(screen.getByText("The Dapr screen needs the admin role.")).toBeInTheDocument();
  expect(calls).toHaveLength(0);
});
