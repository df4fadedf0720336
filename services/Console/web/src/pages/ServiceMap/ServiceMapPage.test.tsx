import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { rangeOf } from "../../test/promAnswers";
import { admin, currentUrl, renderApp } from "../../test/render";
import { comparison, currentGraph } from "./mapFixtures";

vi.mock("uplot", async () => ({ default: (await import("../../test/fakeUPlot")).FakeUPlot }));

function backend() {
  return mockFetch({
    "GET /api/session": json(200, admin),
    "GET /api/traces/api/v1/dependencies": (call) => json(200, call.url.searchParams.has("compareStart") ? comparison : currentGraph),
    "POST /api/metrics/api/v1/query_range": rangeOf([{}]),
  });
}

// The first layout loads ELK (~1.5 MB of script) into jsdom: seconds on a loaded machine.
const node = (name: RegExp) => screen.findByRole("button", { name }, { timeout: 15_000 });

test("the window's graph: services, a database, and edges labelled with calls/s, error rate and p95", async () => {
  const { callsTo } = backend();
  renderApp("/service-map?from=now-1h&to=now");
  const payments = await node(/^payments \(service\): 1,800 calls in; 0\.5\/s, 20% errors, p95 65 ms$/);
  expect(payments).toHaveAttribute("data-tone", "none");
  expect(await node(/^postgresql\/orders \(database\)/)).toBeInTheDocument();
  const edge = screen.getByRole("button", { name: "checkout calls payments: 0.5/s · 20% err · p95 65 ms" });
  expect(within(edge).getByText("0.5/s · 20% err · p95 65 ms")).toBeInTheDocument();
  expect(screen.getByRole("group", { name: "Service map: 5 nodes, 4 edges" })).toBeInTheDocument();
  const call = callsTo("GET /api/traces/api/v1/dependencies")[0]!;
  expect(Number(call.url.searchParams.get("end")) - Number(call.url.searchParams.get("start"))).toBe(3_600_000);
});

test("comparing with the previous window marks the worse, new and vanished edges, with a legend, in the URL", async () => {
  const { callsTo } = backend();
  renderApp("/service-map?from=now-1h&to=now");
  await node(/^payments/);
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Compare with" }), "previous");
  expect(currentUrl().searchParams.get("compare")).toBe("previous");

  const worse = await screen.findByRole("button", { name: /^checkout calls payments: .*; worse than before \(calls ±0, error rate \+19\.0 pt, p95 ×1\.08\)$/ });
  expect(worse).toHaveAttribute("data-tone", "worse");
  expect(screen.getByRole("button", { name: /^checkout calls postgresql\/orders: .*new in this window/ })).toHaveAttribute("data-tone", "new");
  const gone = screen.getByRole("button", { name: /^checkout calls legacy-fraud: .*vanished/ });
  expect(gone).toHaveAttribute("data-tone", "vanished");
  expect(within(gone).getByText(/^GONE /)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: /^legacy-fraud \(external\)/ })).toHaveAttribute("data-tone", "vanished");

  const legend = screen.getByRole("group", { name: "Comparison legend" });
  expect(within(legend).getByText("Worse: 1 edges, 1 nodes")).toBeInTheDocument();
  expect(within(legend).getByText("New: 1 edges, 1 nodes")).toBeInTheDocument();
  expect(within(legend).getByText("Vanished: 1 edges, 1 nodes")).toBeInTheDocument();

  const compared = callsTo("GET /api/traces/api/v1/dependencies").at(-1)!.url.searchParams;
  expect(Number(compared.get("compareEnd"))).toBe(Number(compared.get("start")));
  expect(Number(compared.get("start")) - Number(compared.get("compareStart"))).toBe(3_600_000);
});

test("a node opens its measures, RED charts from span metrics and a link to its traces and logs; Close clears it", async () => {
  const { callsTo } = backend();
  renderApp("/service-map?from=1764622800000&to=1764626400000&compare=previous");
  await userEvent.click(await node(/^payments \(service\)/));
  expect(currentUrl().searchParams.get("node")).toBe("payments");

  const detail = await screen.findByRole("complementary", { name: "Details of payments" });
  const table = within(detail).getByRole("table", { name: "Measures" });
  expect(within(table).getByRole("row", { name: "Error rate 20% 1.0%" })).toBeInTheDocument();
  expect(await within(detail).findByRole("figure", { name: "Rate (received by payments)" })).toBeInTheDocument();
  expect(within(detail).getByRole("figure", { name: "Errors (received by payments)" })).toBeInTheDocument();
  expect(within(detail).getByRole("figure", { name: "Duration (received by payments)" })).toBeInTheDocument();
  const queries = callsTo("POST /api/metrics/api/v1/query_range").map((c) => new URLSearchParams(c.body).get("query"));
  expect(queries).toContain('sum(rate(traces_span_metrics_calls_total{service_name="payments",span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER"}[60s]))');
  expect(within(detail).getByRole("link", { name: "Search traces of payments" })).toHaveAttribute(
    "href", "/traces?service=payments&start=1764622800000&end=1764626400000",
  );
  expect(within(detail).getByRole("link", { name: "Logs of payments" })).toHaveAttribute(
    "href", "/logs?query=service%3A%22payments%22&start=1764622800000&end=1764626400000",
  );

  await userEvent.click(within(detail).getByRole("button", { name: "Close details" }));
  expect(currentUrl().searchParams.has("node")).toBe(false);
});

test("an edge is selectable from the keyboard and its detail charts that edge's own calls", async () => {
  const { callsTo } = backend();
  renderApp("/service-map");
  const edge = await screen.findByRole("button", { name: /^checkout calls postgresql\/orders/ });
  edge.focus();
  await userEvent.keyboard("{Enter}");
  expect(currentUrl().searchParams.get("edgeFrom")).toBe("checkout");
  expect(currentUrl().searchParams.get("edgeTo")).toBe("postgresql/orders");
  const detail = await screen.findByRole("complementary", { name: "Details of checkout → postgresql/orders" });
  expect(await within(detail).findByText("Service graph metrics: calls from checkout to postgresql/orders")).toBeInTheDocument();
  await waitFor(() =>
    expect(callsTo("POST /api/metrics/api/v1/query_range").map((c) => new URLSearchParams(c.body).get("query"))).toContain(
      'sum(rate(traces_service_graph_request_total{client="checkout",server="postgresql/orders"}[60s]))',
    ),
  );
  expect(within(detail).getByRole("link", { name: "Search traces of checkout" })).toBeInTheDocument();
});

test("trace-service's ProblemDetails is shown, and a bad range names itself", async () => {
  mockFetch({
    "GET /api/session": json(200, admin),
    "GET /api/traces/api/v1/dependencies": problem(400, "One or more validation errors occurred.", "start must be before end"),
  });
  renderApp("/service-map");
  expect(await screen.findByText(/start must be before end/)).toBeInTheDocument();
});

test("a custom compare range with an unreadable end is an error, not an empty map", async () => {
  backend();
  renderApp("/service-map?compare=custom&cfrom=now-3h&cto=soon");
  expect(await screen.findByRole("alert")).toHaveTextContent('Compare range: "soon" is not a time');
});

test("no axe violations, comparing with a node open", async () => {
  backend();
  renderApp("/service-map?compare=previous&node=checkout");
  await screen.findByRole("complementary", { name: "Details of checkout" });
  await waitFor(() => expect(screen.getAllByRole("figure")).toHaveLength(3));
  const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
