import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { editorView, setEditorText } from "../../test/editor";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { currentUrl, editor, renderScreen, viewer } from "../../test/render";
import { RuleEditorPage } from "./RuleEditorPage";
import { RulesPage } from "./RulesPage";

/** GET /api/v1/rules/native and /{id}/state as alert-service answers them (Rules/RuleViews.cs). */
const nativeRules = [
  { id: "r1", rule: { name: "HighErrorRate", severity: "critical", expr: "sum(rate(errors_total[5m])) > 1", for: "5m", labels: { team: "api" }, annotations: { summary: "errors" } }, streaming: false },
  { id: "r2", rule: { name: "TraceLatency", severity: "warning", condition: { trace: { signal: "p95_latency_ms", service: "api", op: ">", threshold: 500, window: "5m" } } }, streaming: true },
];
const states: Record<string, unknown> = {
  r1: { ruleId: "r1", phase: "firing", health: "ok", pendingSince: null, firingSince: "2024-05-01T10:00:00Z", keepFiringSince: null, lastValue: 3, lastEvaluatedAt: "2024-05-01T10:05:00Z", lastError: null, consecutiveFailures: 0 },
  r2: { ruleId: "r2", phase: "inactive", health: "failed", pendingSince: null, firingSince: null, keepFiringSince: null, lastValue: null, lastEvaluatedAt: "2024-05-01T10:05:00Z", lastError: "trace-service did not answer", consecutiveFailures: 3 },
};
/** GET /api/v1/rules: Prometheus 2.42's JSON (Rules/Prometheus/PromRulesJson.cs). */
const promRules = {
  status: "success",
  data: {
    groups: [{
      name: "node", file: "node.yml", interval: 60, limit: 0, evaluationTime: 0.001, lastEvaluation: "2024-05-01T10:05:00Z",
      rules: [
        { state: "pending", name: "DiskFilling", query: "node_filesystem_free_bytes < 1e9", duration: 300, keepFiringFor: 0, labels: {}, annotations: {}, alerts: [{ labels: {}, annotations: {}, state: "pending", activeAt: "2024-05-01T10:00:00Z", value: "5e+08" }], health: "err", lastError: "query timed out", evaluationTime: 0.2, lastEvaluation: "2024-05-01T10:05:00Z", type: "alerting" },
        { name: "job:up:sum", query: "sum by (job) (up)", health: "unknown", evaluationTime: 0, lastEvaluation: "0001-01-01T00:00:00Z", type: "recording" },
      ],
    }],
  },
};

function backend(extra: Record<string, Response | ((c: import("../../test/fetchMock").RecordedCall) => Response)> = {}) {
  return mockFetch({
    "GET /api/alerts/api/v1/rules/native": json(200, nativeRules),
    "GET /api/alerts/api/v1/rules/*/state": (call) => json(200, states[call.url.pathname.split("/")[6]!]),
    "GET /api/alerts/api/v1/rules": json(200, promRules),
    ...extra,
  });
}

const editorRoutes = (
  <Routes>
    <Route path="/alerts/rules/new" element={<RuleEditorPage />} />
    <Route path="/alerts/rules/:id" element={<RuleEditorPage />} />
    <Route path="/alerts/rules" element={<p>list</p>} />
  </Routes>
);

test("native rules with state, last evaluation and errors; Prometheus groups beside them", async () => {
  backend();
  renderScreen(<RulesPage />, { path: "/alerts/rules" });
  const table = await screen.findByRole("table", { name: "Alerting rules" });
  const high = within(table).getByRole("rowheader", { name: "HighErrorRate" }).closest("tr")!;
  await waitFor(() => expect(high).toHaveTextContent("firing"));
  expect(high).toHaveTextContent("sum(rate(errors_total[5m])) > 1");
  const trace = within(table).getByRole("rowheader", { name: "TraceLatency" }).closest("tr")!;
  await waitFor(() => expect(trace).toHaveTextContent("trace-service did not answer (3 times in a row)"));
  expect(trace).toHaveTextContent("also on ingest");
  const group = screen.getByRole("region", { name: "Rule group node" });
  expect(within(group).getByRole("rowheader", { name: "DiskFilling" }).closest("tr")).toHaveTextContent("pending (1)");
  expect(within(group).getByText("query timed out")).toBeInTheDocument();
  expect(within(group).getByRole("rowheader", { name: /^job:up:sum/ }).closest("tr")).toHaveTextContent("never");

  await userEvent.type(screen.getByLabelText("Search rules"), "disk");
  expect(currentUrl().searchParams.get("q")).toBe("disk");
  expect(screen.queryByRole("table", { name: "Alerting rules" })).not.toBeInTheDocument();
  expect(within(group).getByRole("rowheader", { name: "DiskFilling" })).toBeInTheDocument();
});

test("delete asks first; viewers get neither delete nor new", async () => {
  const { callsTo } = backend({ "DELETE /api/alerts/api/v1/rules/r1": new Response(null, { status: 204 }) });
  const { unmount } = renderScreen(<RulesPage />, { path: "/alerts/rules", session: editor });
  await userEvent.click(await screen.findByRole("button", { name: "Delete HighErrorRate" }));
  expect(callsTo("DELETE /api/alerts/api/v1/rules/r1")).toHaveLength(0);
  await userEvent.click(screen.getByRole("button", { name: "Confirm deleting HighErrorRate" }));
  await waitFor(() => expect(callsTo("DELETE /api/alerts/api/v1/rules/r1")).toHaveLength(1));
  unmount();
  renderScreen(<RulesPage />, { path: "/alerts/rules", session: viewer });
  await screen.findByRole("table", { name: "Alerting rules" });
  expect(screen.queryByRole("button", { name: /^Delete/ })).not.toBeInTheDocument();
  expect(screen.queryByRole("link", { name: "New rule" })).not.toBeInTheDocument();
});

test("a rule list the service refuses shows its ProblemDetails", async () => {
  backend({ "GET /api/alerts/api/v1/rules/native": problem(503, "State store unavailable", "statestore did not answer") });
  renderScreen(<RulesPage />, { path: "/alerts/rules" });
  expect(await screen.findByRole("alert")).toHaveTextContent("Could not list the rules: State store unavailable");
  expect(screen.getByRole("alert")).toHaveTextContent("statestore did not answer");
});

test("a new rule's expression is parsed by metrics-service first; its error is shown and marked at its place", async () => {
  const { callsTo } = mockFetch({
    "POST /api/metrics/api/v1/format_query": (call) => {
      const query = new URLSearchParams(call.body).get("query")!;
      return query.includes("[5m)")
        ? json(400, { status: "error", errorType: "bad_data", error: 'invalid parameter "query": 1:19: parse error: unexpected right parenthesis \')\'' })
        : json(200, { status: "success", data: query });
    },
    "POST /api/alerts/api/v1/rules": json(201, { id: "r9", rule: {}, streaming: false }),
  });
  renderScreen(editorRoutes, { path: "/alerts/rules/new", session: editor });
  await userEvent.type(await screen.findByLabelText("Name"), "Errors");
  await userEvent.selectOptions(screen.getByLabelText("Severity"), "critical");
  setEditorText("PromQL expression", "rate(errors_total[5m) > 1");
  await userEvent.click(screen.getByRole("button", { name: "Create rule" }));
  const error = await screen.findByRole("alert");
  expect(error).toHaveTextContent("Line 1, column 19: unexpected right parenthesis ')'");
  expect(error.querySelector("pre")!.textContent).toBe("rate(errors_total[5m) > 1\n                  ^");
  expect(callsTo("POST /api/alerts/api/v1/rules")).toHaveLength(0);

  setEditorText("PromQL expression", "rate(errors_total[5m]) > 1");
  await userEvent.type(screen.getByLabelText("For"), "5m");
  await userEvent.type(screen.getByLabelText(/^Labels/), "team=api");
  await userEvent.click(screen.getByRole("button", { name: "Create rule" }));
  await waitFor(() => expect(callsTo("POST /api/alerts/api/v1/rules")).toHaveLength(1));
  expect(JSON.parse(callsTo("POST /api/alerts/api/v1/rules")[0]!.body!)).toEqual({
    name: "Errors", severity: "critical", expr: "rate(errors_total[5m]) > 1", for: "5m", keepFiringFor: null,
    evaluationInterval: null, noData: null, labels: { team: "api" }, annotations: {},
  });
  expect(await screen.findByText("list")).toBeInTheDocument();
});

test("Check expression shows the canonical form", async () => {
  mockFetch({ "POST /api/metrics/api/v1/format_query": json(200, { status: "success", data: "sum by (job) (up)" }) });
  renderScreen(editorRoutes, { path: "/alerts/rules/new", session: editor });
  await screen.findByLabelText("Name");
  setEditorText("PromQL expression", "sum(up) by (job)");
  await userEvent.click(screen.getByRole("button", { name: "Check expression" }));
  expect(await screen.findByText(/^valid:/)).toHaveTextContent("valid: sum by (job) (up)");
});

test("editing sends If-Match with the rule's ETag; a 412 and the service's field errors are shown", async () => {
  const { callsTo } = mockFetch({
    "GET /api/alerts/api/v1/rules/r1": () => new Response(JSON.stringify(nativeRules[0]), { status: 200, headers: { "Content-Type": "application/json", ETag: '"7"' } }),
    "POST /api/metrics/api/v1/format_query": json(200, { status: "success", data: "x" }),
    "PUT /api/alerts/api/v1/rules/r1": problem(412, "Rule changed", "If-Match does not name the current version of rule 'r1'; GET it again and retry with its ETag."),
  });
  renderScreen(editorRoutes, { path: "/alerts/rules/r1", session: editor });
  expect(await screen.findByLabelText("Name")).toHaveValue("HighErrorRate");
  expect(editorView("PromQL expression").state.doc.toString()).toBe("sum(rate(errors_total[5m])) > 1");
  expect(screen.getByLabelText(/^Annotations/)).toHaveValue("summary=errors");
  await userEvent.click(screen.getByRole("button", { name: "Save rule" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("GET it again and retry with its ETag");
  expect(callsTo("PUT /api/alerts/api/v1/rules/r1")[0]!.headers.get("If-Match")).toBe('"7"');
});

test("a condition-tree rule is edited without touching its condition; a viewer cannot edit", async () => {
  const { callsTo } = mockFetch({
    "GET /api/alerts/api/v1/rules/r2": json(200, nativeRules[1]),
    "PUT /api/alerts/api/v1/rules/r2": problem(400, "One or more validation errors occurred.", undefined, { errors: { "condition.trace.threshold": ["must be positive"] } }),
  });
  const { unmount } = renderScreen(editorRoutes, { path: "/alerts/rules/r2", session: editor });
  expect(await screen.findByText(/kept as it is/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Save rule" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("condition.trace.threshold must be positive");
  expect(JSON.parse(callsTo("PUT /api/alerts/api/v1/rules/r2")[0]!.body!).condition).toEqual(nativeRules[1]!.rule.condition);
  expect(callsTo("POST /api/metrics/api/v1/format_query")).toHaveLength(0);
  unmount();
  renderScreen(editorRoutes, { path: "/alerts/rules/r2", session: viewer });
  expect(screen.getByText("Changing rules needs the alerts:write permission.")).toBeInTheDocument();
});
