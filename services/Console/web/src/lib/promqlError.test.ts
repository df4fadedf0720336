import { locateQueryError } from "./promqlError";

test("a parse error's line:column points at the character in the query", () => {
  const query = 'sum(rate(http_requests_total{job="api"}[5m])';
  const at = locateQueryError(query, '1:45: parse error: unclosed left parenthesis');
  expect(at).toMatchObject({ from: 44, line: 1, column: 45, detail: "unclosed left parenthesis" });
});

test("the instant query's prefix and later lines are handled", () => {
  const query = "sum(\n  rate(x[5m]))\n)";
  const at = locateQueryError(query, 'invalid parameter "query": 3:1: parse error: unexpected right parenthesis \')\'');
  expect(at).toMatchObject({ from: query.lastIndexOf(")"), line: 3, column: 1 });
});

test("columns count UTF-8 bytes, as Prometheus counts them", () => {
  const query = 'x{a="é"} +';
  // "x{a=" is 4 bytes, "é" 2 bytes: the closing quote is byte 8 → column 8.
  const at = locateQueryError(query, "1:8: parse error: boom");
  expect(at?.from).toBe(6);
  expect(query[at!.from]).toBe('"');
});

test("a range of positions marks the span", () => {
  const at = locateQueryError("rate(foo[5m]) + bar", "1:1-1:14: vector cannot be here");
  expect(at).toMatchObject({ from: 0, to: 13, detail: "vector cannot be here" });
});

test("messages without a position, or with one outside the query, are not located", () => {
  expect(locateQueryError("up", "query timed out in expression evaluation")).toBeUndefined();
  expect(locateQueryError("up", "9:1: parse error: x")).toBeUndefined();
});

test("never throws on arbitrary text", () => {
  const alphabet = "1:2-3 parse error:\né\"{}()";
  for (let i = 0; i < 2000; i++) {
    const random = () => Array.from({ length: Math.floor(Math.random() * 20) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
    const query = random();
    const at = locateQueryError(query, random());
    if (at) {
      expect(at.from).toBeGreaterThanOrEqual(0);
      expect(at.from).toBeLessThanOrEqual(query.length);
      expect(at.to).toBeGreaterThanOrEqual(at.from);
    }
  }
});
