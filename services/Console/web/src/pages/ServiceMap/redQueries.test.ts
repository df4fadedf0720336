import { edgeScope, nodeScope, rateWindow, redQueries } from "./redQueries";

test("a service's RED is its own server and consumer spans", () => {
  const red = redQueries(nodeScope("payments", "service", ["checkout"])!, 30);
  const sel = 'service_name="payments",span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER"';
  expect(red.rate).toBe(`sum(rate(traces_span_metrics_calls_total{${sel}}[60s]))`);
  expect(red.errorRatio).toBe(
    `(sum(rate(traces_span_metrics_calls_total{${sel},status_code="STATUS_CODE_ERROR"}[60s])) or ${red.rate} * 0) / ${red.rate}`,
  );
  expect(red.latency.map((l) => l.legend)).toEqual(["p50", "p95", "p99"]);
  expect(red.latency[1]!.expr).toBe(`histogram_quantile(0.95, sum by (le) (rate(traces_span_metrics_duration_seconds_bucket{${sel}}[60s])))`);
  expect(red.scope).toBe("received by payments");
});

test("a database has no spans of its own: its callers' client spans, names escaped for the regex", () => {
  const scope = nodeScope("postgresql/orders", "database", ["checkout", "a.b"])!;
  expect(redQueries(scope, 15).rate).toContain('service_name=~"checkout|a\\\\.b",span_kind=~"SPAN_KIND_CLIENT|SPAN_KIND_PRODUCER"');
  expect(nodeScope("postgresql/orders", "database", [])).toBeNull();
});

test("an edge into a service reads the callee's server spans; into a peer, the caller's client spans", () => {
  expect(edgeScope("checkout", "payments", "service")).toMatchObject({ services: ["payments"], side: "server" });
  expect(edgeScope("checkout", "kafka/orders", "queue")).toMatchObject({ services: ["checkout"], side: "client" });
});

test('quotes and backslashes in a name cannot break out of the label value', () => {
  expect(redQueries(nodeScope('we"ird\\', "service", [])!, 15).rate).toContain('service_name="we\\"ird\\\\"');
});

test("rate() covers at least a minute and two steps", () => {
  expect(rateWindow(15)).toBe("60s");
  expect(rateWindow(300)).toBe("600s");
});
