import { formatFilter, locateError, logqlHistogram, logqlQuery, luceneQuery, parseFilter, readLogsState, withFilter, writeLogsState } from "./logsState";
import { stackLevels } from "./histogramData";
import { rowWindow } from "./rowWindow";
import { prependLines } from "./tailBuffer";
import { bucketsOf, joinPages, linesOf, nextEndNs } from "./lokiRecords";
import { record } from "./logsFixture";

test("filters round-trip through the URL, a value may hold colons, an exclusion starts with a minus", () => {
  expect(parseFilter("labels.host:a:b")).toEqual({ field: "labels.host", value: "a:b", exclude: false });
  expect(parseFilter("-level:info")).toEqual({ field: "level", value: "info", exclude: true });
  expect(parseFilter(":x")).toBeUndefined();
  expect(parseFilter("nofield")).toBeUndefined();
  const params = writeLogsState(new URLSearchParams("from=now-6h"), { q: "timeout", lang: "logql", filters: [{ field: "service", value: "api", exclude: true }], live: true });
  expect(params.toString()).toBe("from=now-6h&q=timeout&lang=logql&live=1&f=-service%3Aapi");
  expect(readLogsState(params)).toMatchObject({ q: "timeout", lang: "logql", live: true, filters: [{ field: "service", value: "api", exclude: true }] });
  expect(formatFilter({ field: "a", value: "b", exclude: false })).toBe("a:b");
});

test("a filter on the same value replaces the earlier one (keep then exclude flips it)", () => {
  const keep = { field: "service", value: "api", exclude: false };
  expect(withFilter([keep], { ...keep, exclude: true })).toEqual([{ ...keep, exclude: true }]);
});

test("Lucene: the typed query is grouped and each filter is a quoted exact term", () => {
  expect(luceneQuery("", [])).toBeUndefined();
  expect(luceneQuery("a OR b", [])).toBe("a OR b");
  expect(luceneQuery("a OR b", [{ field: "service", value: 'x"y\\z', exclude: false }, { field: "level", value: "info", exclude: true }])).toBe(
    '(a OR b) service:"x\\"y\\\\z" -level:"info"',
  );
});

test("LogQL: filters are label filter stages; the histogram counts by detected level", () => {
  expect(logqlQuery('{job="a"}', [{ field: "host", value: "h1", exclude: true }])).toBe('{job="a"} | host!="h1"');
  expect(logqlHistogram('{job="a"}', 60)).toBe('sum by (detected_level) (count_over_time({job="a"} [60s]))');
});

test("error positions: Lucene's 'column' and LogQL's 'col', 1-based, clamped to the line", () => {
  expect(locateError("abc def", 'Encountered "<EOF>" at line 1, column 5.')).toEqual({ offset: 4, line: 1, column: 5 });
  expect(locateError('{a="b"', "parse error at line 1, col 7: syntax error")).toEqual({ offset: 6, line: 1, column: 7 });
  expect(locateError("x", "at line 3, col 1")).toBeUndefined();
  expect(locateError("x", "no place named")).toBeUndefined();
});

test("levels stack in severity order, errors at the bottom, absent levels dropped", () => {
  const stacked = stackLevels([
    { start: 0, byLevel: { info: 2, error: 1 } },
    { start: 60_000, byLevel: { info: 1 } },
  ]);
  expect(stacked.levels).toEqual(["error", "info"]);
  expect(stacked.tops).toEqual([[1, 0], [3, 1]]);
  expect(stacked.times).toEqual([0, 60]);
});

test("the row window accounts for the expanded row's extra height", () => {
  const closed = rowWindow(1000, 28, -1, 0, 280, 2800, 0);
  expect([closed.first, closed.last, closed.total]).toEqual([100, 110, 28000]);
  const open = rowWindow(1000, 28, 5, 300, 280, 2800, 0);
  expect(open.top(6)).toBe(6 * 28 + 300);
  expect(open.first).toBe(Math.floor((2800 - 300) / 28));
  expect(open.total).toBe(28300);
  expect(rowWindow(0, 28, -1, 0, 280, 0)).toMatchObject({ first: 0, last: -1 });
});

test("the tail keeps the newest lines on top, at most the cap, none twice", () => {
  const kept = prependLines([], [record(2), record(1)]);
  expect(kept.map((r) => r.id)).toEqual(["r1", "r2"]);
  expect(prependLines(kept, [record(1), record(0)]).map((r) => r.id)).toEqual(["r0", "r1", "r2"]);
  expect(prependLines(kept, [record(0)], 2).map((r) => r.id)).toEqual(["r0", "r1"]);
});

test("Loki streams become lines newest first by exact nanoseconds; a full page gives the next end", () => {
  const lines = linesOf({
    status: "success",
    data: { resultType: "streams", result: [{ stream: { service_name: "a" }, values: [["1700000000000000001", "one"]] }, { stream: { service_name: "b" }, values: [["1700000000000000002", "two"], ["999999999999999999", "old"]] }] },
  });
  expect(lines.map((l) => l.message)).toEqual(["two", "one", "old"]);
  expect(lines[0]!.service).toBe("b");
  expect(nextEndNs(lines, 3)).toBe("999999999999999999");
  expect(nextEndNs(lines, 4)).toBeUndefined();
  expect(joinPages([lines, lines.slice(2)])).toHaveLength(3);
  expect(bucketsOf({ status: "success", data: { resultType: "matrix", result: [{ metric: { detected_level: "warn" }, values: [[60, "2"]] }] } })).toEqual([{ start: 60_000, byLevel: { warn: 2 } }]);
});
