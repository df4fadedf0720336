import { segmentsBySpan } from "./criticalPath";
import { flameLayout } from "./flameLayout";
import { formatNs, rulerTicks } from "./formatNs";
import { nearestPoint, scatterData } from "./scatterData";
import { serviceColors, textOn } from "./serviceColors";
import { buildSpanTree } from "./spanTree";
import { checkoutTrace, summary } from "./traceFixtures";

test("critical-path segments land on their span's bar as fractions of it", () => {
  const spans = new Map(checkoutTrace.spans.map((s) => [s.spanId, s]));
  const bars = segmentsBySpan(checkoutTrace.criticalPath.segments, spans);
  expect(bars.get("d1")).toEqual([{ left: 0, width: 1 }]);
  const charge = bars.get("c1")!;
  expect(charge).toHaveLength(2);
  expect(charge[1]!.left).toBeCloseTo(885 / 900);
  expect(charge[1]!.width).toBeCloseTo(15 / 900);
  expect(bars.has("e1")).toBe(false);
  expect(segmentsBySpan(undefined, spans).size).toBe(0);
});

test("the flame graph places each span at its depth and time and leaves out boxes too narrow to see", () => {
  const tree = buildSpanTree(checkoutTrace);
  const all = flameLayout(tree, 0);
  expect(all.depth).toBe(4);
  // Unix ns beyond 2^53 lose a few hundred ns in JavaScript: close, not equal.
  const gateway = all.boxes.find((b) => tree.order[b.position]!.span.spanId === "d1")!;
  expect([gateway.position, gateway.depth]).toEqual([3, 3]);
  expect(gateway.left).toBeCloseTo(0.025, 6);
  expect(gateway.width).toBeCloseTo(0.88, 6);
  const wide = flameLayout(tree, 0.04);
  expect(wide.hidden).toBe(1);
  expect(wide.boxes.map((b) => tree.order[b.position]!.span.spanId)).not.toContain("f1");
});

test("durations read as people write them", () => {
  expect(formatNs(850)).toBe("850ns");
  expect(formatNs(850_000)).toBe("850µs");
  expect(formatNs(12_345_678)).toBe("12.3ms");
  expect(formatNs(2_400_000_000)).toBe("2.4s");
  expect(formatNs(125_000_000_000)).toBe("2m 5s");
  expect(rulerTicks(1_000_000_000, 4).map((t) => t.label)).toEqual(["0ns", "250ms", "500ms", "750ms", "1s"]);
});

test("the scatter splits errors into their own series and a click finds the nearest point within its radius", () => {
  const { sorted, data } = scatterData([summary("b", 2000, 50), summary("a", 1000, 900, { errorCount: 1 })]);
  expect(sorted.map((t) => t.traceId)).toEqual(["a", "b"]);
  expect(data[1]).toEqual([null, 50]);
  expect(data[2]).toEqual([900, null]);
  const points = [{ x: 10, y: 10 }, { x: 30, y: 10 }];
  expect(nearestPoint(2, (i) => points[i]!, 27, 12)).toBe(1);
  expect(nearestPoint(2, (i) => points[i]!, 20, 40)).toBeNull();
});

test("services keep their colour and labels stay readable on it", () => {
  const color = serviceColors(["a", "b"]);
  expect(color("b")).not.toBe(color("a"));
  expect(color("b")).toBe(serviceColors(["a", "b"])("b"));
  expect(textOn("#0a437c")).toBe("#ffffff");
  expect(textOn("#f4d598")).toBe("#000000");
});

test("the outline's columns decode to one span each: texts from the table, times absolute, segments by span id", () => {
  const d1 = checkoutTrace.spans.find((s) => s.spanId === "d1")!;
  expect(checkoutTrace.spans.map((s) => s.spanId)).toEqual(["a1", "b1", "c1", "d1", "e1", "f1"]);
  expect(d1).toMatchObject({ parent: 2, service: "payment", name: "POST acme-pay /v1/charges", kind: "client", status: "error", durationNs: 880e6, criticalNs: 880e6 });
  // Unix ns beyond 2^53 are a few hundred ns off in JavaScript; the offsets on the wire are exact.
  expect(d1.startNs - checkoutTrace.startNs).toBeCloseTo(25e6, -3);
  expect(checkoutTrace.spans[2]!.attributes).toEqual([["payment.provider", "acme-pay"]]);
  expect(checkoutTrace.criticalPath.totalNs).toBe(1000e6);
  expect(checkoutTrace.criticalPath.segments[3]).toEqual({ spanId: "d1", startNs: checkoutTrace.startNs + 25e6, durationNs: 880e6 });
});
