import { explorerLink, queryName, readExplorer, writeExplorer } from "./explorerState";
import { queryStats } from "./queryStats";

test("the URL reads back as the queries, hidden ones, view and step", () => {
  const state = readExplorer(new URLSearchParams("q=up&q=rate(x[5m])&q=&off=B&view=table&step=30s&from=now-1h"));
  expect(state.queries).toEqual([
    { expr: "up", enabled: true },
    { expr: "rate(x[5m])", enabled: false },
    { expr: "", enabled: true },
  ]);
  expect(state.view).toBe("table");
  expect(state.step).toBe(30);
});

test("a bare URL is one empty query in the graph view with an automatic step", () => {
  expect(readExplorer(new URLSearchParams())).toEqual({ queries: [{ expr: "", enabled: true }], view: "graph", step: undefined });
  expect(readExplorer(new URLSearchParams("step=15")).step).toBe(15);
  expect(readExplorer(new URLSearchParams("step=bogus")).step).toBeUndefined();
});

test("writing keeps the range and round-trips", () => {
  const state = { queries: [{ expr: "a", enabled: false }, { expr: "b", enabled: true }], view: "graph" as const };
  const params = writeExplorer(new URLSearchParams("from=now-6h&to=now&view=table"), state);
  expect(params.get("from")).toBe("now-6h");
  expect(params.get("view")).toBeNull();
  expect(readExplorer(params).queries).toEqual(state.queries);
});

test("query names follow Grafana's refIds", () => {
  expect([0, 1, 25, 26, 27, 701, 702].map(queryName)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
});

test("explorerLink opens queries over a range", () => {
  expect(explorerLink(["up", "sum(x)"], { from: "now-6h", to: "now" })).toBe("/explore/metrics?q=up&q=sum%28x%29&from=now-6h&to=now");
});

test("statistics count series and samples per result type", () => {
  expect(queryStats({ resultType: "matrix", result: [{ metric: {}, values: [[1, "1"], [2, "2"]] }, { metric: {}, values: [[1, "1"]] }] })).toEqual({ series: 2, points: 3 });
  expect(queryStats({ resultType: "vector", result: [{ metric: {}, value: [1, "1"] }] })).toEqual({ series: 1, points: 1 });
  expect(queryStats({ resultType: "scalar", result: [1, "1"] })).toEqual({ series: 1, points: 1 });
});
