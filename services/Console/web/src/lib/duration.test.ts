import { formatDuration, parseDuration } from "./duration";

test.each([
  ["5m", 300_000],
  ["1h30m", 5_400_000],
  ["7d", 604_800_000],
  ["500ms", 500],
  ["1w", 604_800_000],
  ["90s", 90_000],
])("parses %s", (text, ms) => expect(parseDuration(text)).toBe(ms));

test.each(["", "5", "1.5h", "-5m", "5 m", "m", "5x"])("rejects %j", (text) => expect(parseDuration(text)).toBeUndefined());

test("formats whole durations in their shortest form", () => {
  expect(formatDuration(5_400_000)).toBe("1h30m");
  expect(formatDuration(15_000)).toBe("15s");
  expect(formatDuration(86_400_000 * 2)).toBe("2d");
  expect(formatDuration(0)).toBe("0s");
});

test("format and parse agree on random durations", () => {
  for (let i = 0; i < 500; i++) {
    const ms = Math.floor(Math.random() * 1e10) + 1;
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  }
});
