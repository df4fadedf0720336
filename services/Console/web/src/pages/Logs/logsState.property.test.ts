import fc from "fast-check";
import { mutated } from "../../test/mutate";
import { formatFilter, locateError, luceneQuery, parseFilter, readLogsState, writeLogsState, type FieldFilter, type LogsState } from "./logsState";

// A field name holds no colon and (being a field, not an exclusion) does not start with "-".
const field = fc.string({ minLength: 1, maxLength: 12 }).filter((f) => !f.includes(":") && !f.startsWith("-"));
const filter: fc.Arbitrary<FieldFilter> = fc.record({ field, value: fc.string({ maxLength: 16 }), exclude: fc.boolean() });
const optionalText = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined });
const state: fc.Arbitrary<LogsState> = fc.record({
  q: fc.string({ maxLength: 30 }),
  lang: fc.constantFrom("lucene", "logql"),
  filters: fc.array(filter, { maxLength: 4 }),
  view: fc.constantFrom("records", "patterns"),
  open: optionalText,
  context: optionalText,
  live: fc.boolean(),
});

test("a printed filter parses back to itself", () => {
  fc.assert(fc.property(filter, (f) => {
    expect(parseFilter(formatFilter(f))).toEqual(f);
  }));
});

test("any text, and mutations of printed filters, parse to a filter with a colon-free field or to nothing", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 30 }), mutated(filter.map(formatFilter))), (text) => {
      const parsed = parseFilter(text);
      if (parsed) {
        expect(parsed.field).not.toBe("");
        expect(parsed.field).not.toContain(":");
        expect(formatFilter(parsed)).toBe(text);
      }
    }),
    { numRuns: 500 },
  );
});

test("the logs state written to a URL reads back as the same state", () => {
  fc.assert(
    fc.property(state, (s) => {
      const url = new URLSearchParams(writeLogsState(new URLSearchParams(), s).toString());
      expect(readLogsState(url)).toEqual(s);
    }),
  );
});

test("any query string, mutated or random, reads as a logs state without throwing", () => {
  const printed = state.map((s) => writeLogsState(new URLSearchParams(), s).toString());
  fc.assert(
    fc.property(fc.oneof(printed, mutated(printed), fc.string({ maxLength: 40 })), (text) => {
      const read = readLogsState(new URLSearchParams(text));
      expect(["lucene", "logql"]).toContain(read.lang);
      for (const f of read.filters) expect(f.field).not.toContain(":");
      expect(typeof luceneQuery(read.q, read.filters) === "string" || luceneQuery(read.q, read.filters) === undefined).toBe(true);
    }),
    { numRuns: 500 },
  );
});

test("an error position, when the message names one, lies inside the query", () => {
  const message = fc.oneof(
    fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 60 })).map(([l, c]) => `parse error at line ${l}, col ${c}: syntax error`),
    fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 60 })).map(([l, c]) => `Cannot parse: Encountered "<EOF>" at line ${l}, column ${c}.`),
    fc.string({ maxLength: 40 }),
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), message, (query, text) => {
      const at = locateError(query, text);
      if (at) {
        expect(at.offset).toBeGreaterThanOrEqual(0);
        expect(at.offset).toBeLessThanOrEqual(query.length);
        expect(at.line).toBeGreaterThanOrEqual(1);
      }
    }),
    { numRuns: 500 },
  );
});
