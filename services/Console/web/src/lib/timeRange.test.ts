import { autoStep, describeRange, formatTimestamp, parseTimeExpression, resolveRange, zoomOut } from "./timeRange";

const now = new Date(2024, 4, 15, 12, 34, 56).getTime();

test("relative expressions count back from now", () => {
  expect(parseTimeExpression("now", now)).toBe(now);
  expect(parseTimeExpression("now-6h", now)).toBe(now - 6 * 3_600_000);
  expect(parseTimeExpression("now-1h30m", now)).toBe(now - 5_400_000);
  expect(parseTimeExpression("now+5m", now)).toBe(now + 300_000);
});

test("rounding goes to the start of the unit, or its end for a range's end", () => {
  expect(parseTimeExpression("now/d", now)).toBe(new Date(2024, 4, 15).getTime());
  expect(parseTimeExpression("now/d", now, true)).toBe(new Date(2024, 4, 16).getTime() - 1);
  expect(parseTimeExpression("now-1d/d", now)).toBe(new Date(2024, 4, 14).getTime());
  expect(parseTimeExpression("now/h", now)).toBe(new Date(2024, 4, 15, 12).getTime());
});

test("absolute times: epoch ms, local dates and ISO-8601", () => {
  expect(parseTimeExpression("1715776496000", now)).toBe(1715776496000);
  expect(parseTimeExpression("2024-05-01 10:20", now)).toBe(new Date(2024, 4, 1, 10, 20).getTime());
  expect(parseTimeExpression("2024-05-01", now)).toBe(new Date(2024, 4, 1).getTime());
  expect(parseTimeExpression("2024-05-01T10:20:00Z", now)).toBe(Date.UTC(2024, 4, 1, 10, 20));
  expect(parseTimeExpression(formatTimestamp(now), now)).toBe(now);
});

test.each(["", "yesterday", "now-", "now-5x", "2024-13-01", "2024-02-30", "12345"])("%j is not a time", (text) => {
  expect(parseTimeExpression(text, now)).toBeUndefined();
});

test("resolveRange explains what is wrong", () => {
  expect(resolveRange({ from: "now-1h", to: "now" }, now)).toEqual({ ok: true, range: { start: now - 3_600_000, end: now } });
  expect(resolveRange({ from: "now", to: "now-1h" }, now)).toEqual({ ok: false, error: "The range ends before it starts" });
  expect(resolveRange({ from: "soon", to: "now" }, now)).toMatchObject({ ok: false, error: expect.stringContaining('"soon" is not a time') });
});

test("ranges read as people say them", () => {
  expect(describeRange({ from: "now-6h", to: "now" })).toBe("Last 6 hours");
  expect(describeRange({ from: "now-90m", to: "now" })).toBe("Last 90m");
  expect(describeRange({ from: String(now - 60_000), to: String(now) })).toBe(`${formatTimestamp(now - 60_000)} to ${formatTimestamp(now)}`);
});

test("the automatic step gives a few hundred points at a recognisable interval", () => {
  expect(autoStep({ start: 0, end: 3_600_000 })).toBe(5);
  expect(autoStep({ start: 0, end: 86_400_000 })).toBe(120);
  expect(autoStep({ start: 0, end: 7 * 86_400_000 })).toBe(900);
  expect(autoStep({ start: 0, end: 60_000 })).toBe(1);
});

test("zooming out doubles the width around the middle", () => {
  expect(zoomOut({ start: 1000, end: 2000 })).toEqual({ from: "500", to: "2500" });
});
