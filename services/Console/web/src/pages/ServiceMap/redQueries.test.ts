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

test("a database has no spans of its own: the service graph's calls into it, from every caller", () => {
  const red = redQueries(nodeScope("postgresql/orders", "database", ["checkout", "a.b"])!, 15);
  expect(red.rate).toBe('sum(rate(traces_service_graph_request_total{server="postgresql/orders"}[60s]))');
  expect(red.scope).toBe("calls to postgresql/orders from checkout, a.b");
  expect(red.source).toBe("Service graph metrics");
  expect(nodeScope("postgresql/orders", "database", [])).toBeNull();
});

test("an edge reads its own calls from the service graph: caller and callee, failures and the callee's durations", () => {
  const red = redQueries(edgeScope("checkout", "payments"), 30);
  const sel = 'client="checkout",server="payments"';
  expect(red.rate).toBe(`sum(rate(traces_service_graph_request_total{${sel}}[60s]))`);
  expect(red.errorRatio).toBe(`sum(rate(traces_service_graph_request_failed_total{${sel}}[60s])) / ${red.rate}`);
  expect(red.latency[2]!.expr).toBe(`histogram_quantile(0.99, sum by (le) (rate(traces_service_graph_request_server_seconds_bucket{${sel}}[60s])))`);
  expect(red.scope).toBe("calls from checkout to payments");
  expect(redQueries(edgeScope('a"b', "c\\d"), 15).rate).toContain('client="a\\"b",server="c\\\\d"');
});

test('quotes and backslashes in a name cannot break out of the label value', () => {
  expect(redQueries(nodeScope('we"ird\\', "service", [])!, 15).rate).toContain('service_name="we\\"ird\\\\"');
});

test("rate() covers at least a minute and two steps", () => {
  expect(rateWindow(15)).toBe("60s");
  expect(rateWindow(300)).toBe("600s");
});
