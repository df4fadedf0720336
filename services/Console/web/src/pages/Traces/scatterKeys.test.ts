import { describePoint, movePoint } from "./scatterKeys";
import { summary } from "./traceFixtures";

// In start order: durations 120, 2400, 260, 260.
const sorted = [summary("a", 1000, 120), summary("b", 2000, 2400), summary("c", 3000, 260, { errorCount: 2, rootOperation: "GET /cart" }), summary("d", 4000, 260)];

test("left and right walk the traces in time, stopping at the ends; Home and End jump there", () => {
  expect(movePoint(sorted, 1, "ArrowRight")).toBe(2);
  expect(movePoint(sorted, 3, "ArrowRight")).toBe(3);
  expect(movePoint(sorted, 0, "ArrowLeft")).toBe(0);
  expect(movePoint(sorted, 2, "Home")).toBe(0);
  expect(movePoint(sorted, 0, "End")).toBe(3);
});

test("up and down walk the traces by duration, ties in start order", () => {
  expect(movePoint(sorted, 0, "ArrowUp")).toBe(2);
  expect(movePoint(sorted, 2, "ArrowUp")).toBe(3);
  expect(movePoint(sorted, 3, "ArrowUp")).toBe(1);
  expect(movePoint(sorted, 1, "ArrowUp")).toBe(1);
  expect(movePoint(sorted, 3, "ArrowDown")).toBe(2);
  expect(movePoint(sorted, 0, "ArrowDown")).toBe(0);
});

test("from no point the keys start at the first trace (End at the last); other keys and no traces do not move", () => {
  expect(movePoint(sorted, null, "ArrowDown")).toBe(0);
  expect(movePoint(sorted, null, "End")).toBe(3);
  expect(movePoint(sorted, null, "a")).toBeUndefined();
  expect(movePoint(sorted, 1, "Tab")).toBeUndefined();
  expect(movePoint([], null, "ArrowRight")).toBeUndefined();
});

test("the description names the trace, its duration, its errors and how to open it", () => {
  expect(describePoint(sorted, 2)).toMatch(/^Trace 3 of 4: frontend GET \/cart, 260ms, 2 errors, started .+\. Enter opens it\.$/);
  expect(describePoint(sorted, 0)).not.toContain("error");
});
