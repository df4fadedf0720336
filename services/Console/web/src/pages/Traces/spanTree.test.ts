import { buildSpanTree, visibleRows } from "./spanTree";
import { checkoutTrace, span, traceOf } from "./traceFixtures";

const none = { services: new Set<string>(), text: "" };
const names = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => r.node.span.name);

test("the tree is flattened depth first, children in start order, with depths and subtree sizes", () => {
  const tree = buildSpanTree(checkoutTrace);
  expect(tree.order.map((n) => [n.span.spanId, n.depth, n.descendants])).toEqual([
    ["a1", 0, 5], ["b1", 1, 4], ["c1", 2, 1], ["d1", 3, 0], ["e1", 2, 1], ["f1", 3, 0],
  ]);
  expect(tree.order[2]!.parent).toBe(1);
});

test("a collapsed span hides its whole subtree and nothing else", () => {
  const tree = buildSpanTree(checkoutTrace);
  expect(names(visibleRows(tree, new Set(["c1"]), none))).toEqual(["GET /checkout", "POST /api/orders", "charge card", "reserve items", "UPDATE stock"]);
  expect(visibleRows(tree, new Set(["c1"]), none)[2]!.collapsed).toBe(true);
  expect(names(visibleRows(tree, new Set(["a1"]), none))).toEqual(["GET /checkout"]);
});

test("a filter keeps the matches and the spans above them, marking which matched", () => {
  const tree = buildSpanTree(checkoutTrace);
  const rows = visibleRows(tree, new Set(), { services: new Set(["inventory"]), text: "" });
  expect(names(rows)).toEqual(["GET /checkout", "POST /api/orders", "reserve items", "UPDATE stock"]);
  expect(rows.map((r) => r.matched)).toEqual([false, false, true, true]);
  expect(names(visibleRows(tree, new Set(), { services: new Set(), text: "ACME-PAY" }))).toEqual([
    "GET /checkout", "POST /api/orders", "charge card", "POST acme-pay /v1/charges",
  ]);
  expect(visibleRows(tree, new Set(), { services: new Set(["nobody"]), text: "" })).toEqual([]);
});

test("a 10,000-deep chain builds without exhausting the stack", () => {
  const spans = Array.from({ length: 10_000 }, (_, i) => span(`s${i}`, i === 0 ? null : `s${i - 1}`, "svc", `op ${i}`, i, 10_000 - i));
  const tree = buildSpanTree(traceOf(spans));
  expect(tree.order).toHaveLength(10_000);
  expect(tree.order[0]!.descendants).toBe(9_999);
  expect(tree.order[9_999]!.depth).toBe(9_999);
  expect(visibleRows(tree, new Set(["s1"]), none)).toHaveLength(2);
});
