import type { DashboardVariable } from "../../api/dashboards";
import { references } from "./interpolate";
import { listedOptions, selectValue } from "./variableSelection";

const variable = (over: Partial<DashboardVariable> = {}): DashboardVariable => ({
  name: "job", label: null, type: "query", query: "label_values(job)", multi: false, includeAll: false, current: [], ...over,
});

test("the URL's values win over the saved ones", () => {
  expect(selectValue(variable({ current: ["db"] }), ["api"], ["api", "db"]).values).toEqual(["api"]);
  expect(selectValue(variable({ current: ["db"] }), [], ["api", "db"]).values).toEqual(["db"]);
});

test("nothing chosen: All when offered, else the first option", () => {
  expect(selectValue(variable({ includeAll: true }), [], ["api"])).toMatchObject({ all: true, values: ["$__all"] });
  expect(selectValue(variable(), [], ["api", "db"]).values).toEqual(["api"]);
  expect(selectValue(variable(), [], undefined).values).toEqual([]);
});

test("a single-value variable keeps one value; All without includeAll is ignored", () => {
  expect(selectValue(variable(), ["a", "b"], []).values).toEqual(["a"]);
  expect(selectValue(variable({ multi: true }), ["a", "b"], []).values).toEqual(["a", "b"]);
  expect(selectValue(variable(), ["$__all"], ["x"]).values).toEqual(["x"]);
});

test("custom values are comma-separated, with Grafana's escaped commas", () => {
  expect(listedOptions("1m, 5m,1h")).toEqual(["1m", "5m", "1h"]);
  expect(listedOptions("a\\,b,c")).toEqual(["a,b", "c"]);
  expect(listedOptions("")).toEqual([]);
});

test("references finds every form of a variable's name", () => {
  expect(references('up{job=~"$job"}', "job")).toBe(true);
  expect(references("${job:regex}", "job")).toBe(true);
  expect(references("[[job]]", "job")).toBe(true);
  expect(references("$jobs", "job")).toBe(false);
});
