import { around, logsLink, serviceLogQuery, serviceMapLink, serviceOfLabels, traceLink, tracesLink } from "./signalLinks";

test("the traces search link carries service, operation, the window in epoch ms and a minimum duration", () => {
  expect(tracesLink({ service: "checkout", operation: "POST /pay", start: 1000.4, end: 2000, minDuration: "250ms" })).toBe(
    "/traces?service=checkout&operation=POST+%2Fpay&start=1000&end=2000&minDuration=250ms",
  );
  expect(tracesLink({ service: "checkout" })).toBe("/traces?service=checkout");
  expect(tracesLink({})).toBe("/traces");
});

test("logs, map and trace links", () => {
  expect(serviceLogQuery('my "svc"')).toBe('service:"my \\"svc\\""');
  expect(logsLink(serviceLogQuery("cart"), 1, 2)).toBe("/logs?query=service%3A%22cart%22&start=1&end=2");
  expect(serviceMapLink("cart", 1, 2)).toBe("/service-map?from=1&to=2&node=cart");
  expect(traceLink("abc/def")).toBe("/traces/abc%2Fdef");
});

test("a series' service: service_name, then service, then job", () => {
  expect(serviceOfLabels({ job: "api", service: "cart" })).toBe("cart");
  expect(serviceOfLabels({ job: "api", service_name: "pay", service: "cart" })).toBe("pay");
  expect(serviceOfLabels({ job: "api" })).toBe("api");
  expect(serviceOfLabels({ instance: "x" })).toBeUndefined();
  expect(around(10_000, 1000, 500)).toEqual({ start: 9000, end: 10_500 });
});
