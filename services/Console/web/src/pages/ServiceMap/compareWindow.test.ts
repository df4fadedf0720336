import { baselineWindow, isCompareMode } from "./compareWindow";

const current = { start: 10 * 3_600_000, end: 11 * 3_600_000 };
const now = 11 * 3_600_000;

test("the previous window has the same width and ends where the current one starts", () => {
  expect(baselineWindow("previous", current, null, now)).toEqual({ ok: true, range: { start: 9 * 3_600_000, end: 10 * 3_600_000 } });
});

test("a shift moves the current window back", () => {
  expect(baselineWindow("1d", current, null, now)).toEqual({ ok: true, range: { start: current.start - 86_400_000, end: current.end - 86_400_000 } });
  expect(baselineWindow("7d", current, null, now)).toMatchObject({ range: { start: current.start - 7 * 86_400_000 } });
});

test("a custom range is resolved on its own, and an unreadable one is an error naming it", () => {
  expect(baselineWindow("custom", current, { from: "now-3h", to: "now-2h" }, now)).toEqual({ ok: true, range: { start: 8 * 3_600_000, end: 9 * 3_600_000 } });
  const bad = baselineWindow("custom", current, { from: "yesterday", to: "now" }, now);
  expect(bad).toEqual({ ok: false, error: expect.stringContaining('Compare range: "yesterday" is not a time') });
  expect(baselineWindow("custom", current, null, now)).toEqual({ ok: false, error: "Choose the range to compare with" });
});

test("off compares with nothing; unknown modes from the URL are not modes", () => {
  expect(baselineWindow("off", current, null, now)).toEqual({ ok: true, range: null });
  expect(isCompareMode("previous")).toBe(true);
  expect(isCompareMode("2d")).toBe(false);
  expect(isCompareMode(null)).toBe(false);
});
