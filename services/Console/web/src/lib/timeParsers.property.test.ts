import fc from "fast-check";
import { mutated } from "../test/mutate";
import { formatDuration, parseDuration } from "./duration";
import { parseTimeExpression, resolveRange } from "./timeRange";

const now = Date.UTC(2026, 4, 1, 12, 0, 0);
const durationText = fc.array(fc.tuple(fc.nat({ max: 999 }), fc.constantFrom("ms", "s", "m", "h", "d", "w", "y")), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([n, u]) => `${n}${u}`).join(""));
const timeText = fc.oneof(
  durationText.map((d) => `now-${d}`),
  fc.constantFrom("now", "now/d", "now-1d/d", "now+5m", "2024-05-01 12:30", "2024-05-01", "2024-05-01T12:30:00Z", "1714566600000"),
);

test("every whole number of milliseconds prints as a duration that parses back to it", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 10 * 31_536_000_000 }), (ms) => {
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  }));
});

test("a duration text and its mutations parse to a non-negative number or to nothing, never a throw", () => {
  fc.assert(
    fc.property(fc.oneof(durationText, mutated(durationText), fc.string({ maxLength: 30 })), (text) => {
      const ms = parseDuration(text);
      if (ms !== undefined) expect(ms).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: 500 },
  );
});

test("time expressions, mutated or random, resolve to a finite instant or to nothing; ranges to a range or an error", () => {
  fc.assert(
    fc.property(fc.oneof(timeText, mutated(timeText), fc.string({ maxLength: 30 })), fc.oneof(timeText, mutated(timeText)), (from, to) => {
      const at = parseTimeExpression(from, now);
      if (at !== undefined) expect(Number.isFinite(at)).toBe(true);
      const range = resolveRange({ from, to }, now);
      if (range.ok) expect(range.range.end).toBeGreaterThan(range.range.start);
      else expect(range.error).not.toBe("");
    }),
    { numRuns: 500 },
  );
});
