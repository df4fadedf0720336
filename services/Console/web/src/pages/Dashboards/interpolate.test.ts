import { escapeRegex, formatVariable, interpolate, type VariableValue } from "./interpolate";
import { parseVariableQuery } from "./variableQuery";

const single: VariableValue = { values: ["api"], all: false, multi: false, includeAll: false, options: ["api", "db"] };
const multi: VariableValue = { values: ["api", "db.primary"], all: false, multi: true, includeAll: true, options: ["api", "db.primary", "web"] };
const all: VariableValue = { ...multi, values: ["$__all"], all: true };

test("all three reference forms are replaced", () => {
  const vars = { job: single };
  expect(interpolate('up{job="$job"} + up{job="${job}"} + up{job="[[job]]"}', vars)).toBe('up{job="api"} + up{job="api"} + up{job="api"}');
});

test("multiple values become a regex alternation of escaped values; All is every option", () => {
  expect(interpolate('up{job=~"$job"}', { job: multi })).toBe('up{job=~"api|db\\.primary"}');
  expect(interpolate('up{job=~"$job"}', { job: all })).toBe('up{job=~"api|db\\.primary|web"}');
  expect(formatVariable({ ...all, options: [] })).toBe(".*");
});

test("explicit formats", () => {
  expect(interpolate("${job:csv}", { job: multi })).toBe("api,db.primary");
  expect(interpolate("${job:pipe}", { job: multi })).toBe("api|db.primary");
  expect(interpolate("${job:regex}", { job: single })).toBe("api");
});

test("names are matched whole: $job does not eat $jobs", () => {
  expect(interpolate("$jobs $job", { job: single })).toBe("$jobs api");
});

test("Grafana's time macros follow the step and range", () => {
  const time = { stepSeconds: 60, rangeMs: 6 * 3_600_000 };
  expect(interpolate("rate(x[$__rate_interval])", {}, time)).toBe("rate(x[1m15s])");
  expect(interpolate("rate(x[$__rate_interval])", {}, { stepSeconds: 15, rangeMs: 1 })).toBe("rate(x[1m])");
  expect(interpolate("increase(x[$__range]) / $__interval_ms [[__interval]] ${__range_s}", {}, time)).toBe("increase(x[21600s]) / 60000 1m 21600");
  expect(interpolate("$__unknown", {}, time)).toBe("$__unknown");
});

test("unknown variables stay as written", () => {
  expect(interpolate('up{job="$nope"}', {})).toBe('up{job="$nope"}');
});

test("escapeRegex escapes every regex metacharacter", () => {
  expect(escapeRegex("a.b*c+(d)|[e]{f}^$\\")).toBe("a\\.b\\*c\\+\\(d\\)\\|\\[e\\]\\{f\\}\\^\\$\\\\");
});

describe("parseVariableQuery", () => {
  test("label_values with and without a selector", () => {
    expect(parseVariableQuery("label_values(job)")).toEqual({ ok: true, query: { kind: "label_values", label: "job" } });
    expect(parseVariableQuery('label_values(up{env="prod",team="a,b"}, instance)')).toEqual({
      ok: true,
      query: { kind: "label_values", label: "instance", match: 'up{env="prod",team="a,b"}' },
    });
  });

  test("label_names and metrics", () => {
    expect(parseVariableQuery("label_names()")).toEqual({ ok: true, query: { kind: "label_names" } });
    expect(parseVariableQuery("metrics(^http_)")).toEqual({ ok: true, query: { kind: "metrics", regex: "^http_" } });
  });

  test.each(["up", "label_values()", "label_values(up, 1abc)", "query_result(up)", "label_values(, job)"])("%j is refused with a reason", (q) => {
    const result = parseVariableQuery(q);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
  });

  test("never throws on random text", () => {
    const alphabet = 'label_values(){},"\\ job=';
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(Math.random() * 30) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
      expect(() => parseVariableQuery(text)).not.toThrow();
    }
  });
});
