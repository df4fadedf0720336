import { screen } from "@testing-library/react";
import axe from "axe-core";
import { groups, down, latency } from "../pages/Alerts/alertFixtures";
import { json, mockFetch } from "./fetchMock";
import { listOf } from "./promAnswers";
import { admin, renderApp } from "./render";

/** axe-core over the alerts, SLA and Dapr screens as jsdom renders them (colour contrast is the browser tests'). */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const silence = {
  id: "s1", status: { state: "active" }, updatedAt: "2024-05-01T10:00:00Z", matchers: [{ name: "alertname", value: "HighLatency", isRegex: false, isEqual: true }],
  startsAt: "2024-05-01T10:00:00Z", endsAt: "2024-05-01T12:00:00Z", createdBy: "ada", comment: "deploy",
};
const rule = { id: "r1", rule: { name: "Errors", severity: "critical", expr: "rate(errors_total[5m]) > 1" }, streaming: false };
const report = (service: string) => {
  const o = (name: string) => ({ name, actual: 1, target: 1, unit: "%", status: "MET" });
  return { service, start: "", end: "", totalRequests: 1, availability: o("availability"), p95Latency: o("p95_latency"), errorRate: o("error_rate"), throughput: o("throughput"), overall: "MET" };
};

function backend() {
  return mockFetch({
    "GET /api/session": json(200, admin),
    "GET /api/alerts/api/v2/alerts/groups": json(200, groups),
    "GET /api/alerts/api/v2/alerts": json(200, [down, latency]),
    "GET /api/alerts/api/v2/silences": json(200, [silence]),
    "GET /api/alerts/api/v2/silence/s1": json(200, silence),
    "GET /api/alerts/api/v1/rules/native": json(200, [rule]),
    "GET /api/alerts/api/v1/rules/r1": json(200, rule),
    "GET /api/alerts/api/v1/rules/r1/state": json(200, { ruleId: "r1", phase: "firing", health: "ok", lastEvaluatedAt: "2024-05-01T10:00:00Z", lastError: null, consecutiveFailures: 0 }),
    "GET /api/alerts/api/v1/rules": json(200, { status: "success", data: { groups: [] } }),
    "GET /api/alerts/api/v1/incidents": json(200, [{ id: "i1", groupKey: "g", title: "Down", status: "triggered", triggeredAt: "2024-05-01T10:00:00Z", rootCause: null }]),
    "GET /api/alerts/api/v1/incidents/i1": json(200, { id: "i1", groupKey: "g", title: "Down", status: "triggered", triggeredAt: "2024-05-01T10:00:00Z", rootCause: null, policyName: "default", nextStep: 0, nextStepAt: null, retryTargets: [], retryAt: null, services: [], timeline: [{ at: "2024-05-01T10:00:00Z", kind: "triggered", detail: "Down" }], groups: [] }),
    "GET /api/alerts/api/v1/notifications": json(200, [{ id: "n1", at: "2024-05-01T10:00:00Z", receiver: "oncall", channel: "slack", groupKey: "g", status: "firing", alertCount: 1, outcome: "failed", error: "timeout", integration: "slack[0]", attempt: 1 }]),
    "GET /api/metrics/api/v1/label/service/values": listOf(["api"]),
    "GET /api/metrics/api/v1/label/job/values": listOf([]),
    "GET /api/metrics/api/v1/label/__name__/values": listOf(["up"]),
    "GET /api/metrics/api/v1/metadata": json(200, { status: "success", data: {} }),
    "GET /api/metrics/api/v1/sla/report": (call) => json(200, report(call.url.searchParams.get("service")!)),
    "GET /api/dapr": json(200, [{ appId: "console", metadata: { id: "console", runtimeVersion: "1.15.4", components: [{ name: "statestore", type: "state.redis", version: "v1" }] }, error: null }]),
  });
}

test.each([
  ["/alerts", "Alert groups"],
  ["/alerts/silences", "Silences"],
  ["/alerts/silences/new?matchers=%7Balertname%3D%22X%22%7D", "New silence"],
  ["/alerts/silences/s1", "Edit silence"],
  ["/alerts/rules", "Rules"],
  ["/alerts/rules/new", "New rule"],
  ["/alerts/incidents", "Incidents"],
  ["/alerts/incidents/i1", "Down"],
  ["/alerts/notifications", "Notifications"],
  ["/sla", "SLA"],
  ["/dapr", "Dapr"],
])("%s has no axe violations", async (path, heading) => {
  backend();
  renderApp(path);
  await screen.findByRole("heading", { name: heading, level: 1 });
  await new Promise((r) => setTimeout(r, 300));
  expect(await violations()).toEqual([]);
});
