import { comparison, currentGraph } from "./mapFixtures";
import { edgeId, mapModel, toneOf } from "./mapModel";

test("one window: its nodes and edges, nothing coloured", () => {
  const model = mapModel(currentGraph);
  expect(model.comparing).toBe(false);
  expect(model.nodes.map((n) => n.id)).toEqual(["user", "frontend", "checkout", "payments", "postgresql/orders"]);
  expect(model.edges).toHaveLength(4);
  expect(new Set(model.edges.map((e) => e.tone))).toEqual(new Set(["none"]));
});

test("compared: the risen error rate is worse, the new edge new, the vanished edge and node kept and marked", () => {
  const model = mapModel(undefined, comparison);
  const tone = (from: string, to: string) => model.edges.find((e) => e.id === edgeId(from, to))?.tone;
  expect(tone("checkout", "payments")).toBe("worse");
  expect(tone("frontend", "checkout")).toBe("same");
  expect(tone("checkout", "postgresql/orders")).toBe("new");
  expect(tone("checkout", "legacy-fraud")).toBe("vanished");
  const vanished = model.edges.find((e) => e.to === "legacy-fraud")!;
  expect(vanished.measures).toBeNull();
  expect(vanished.baseline?.calls).toBe(900);
  const fraud = model.nodes.find((n) => n.id === "legacy-fraud")!;
  expect(fraud).toMatchObject({ kind: "external", tone: "vanished", measures: null });
  expect(model.nodes.find((n) => n.id === "payments")?.tone).toBe("worse");
  expect(model.nodes.find((n) => n.id === "postgresql/orders")?.tone).toBe("new");
});

test("an edge whose ends the graph does not list as nodes still gets them, the callee with the edge's kind", () => {
  const model = mapModel({ ...currentGraph, nodes: [] });
  expect(model.nodes.find((n) => n.id === "postgresql/orders")?.kind).toBe("database");
  expect(model.nodes).toHaveLength(5);
});

test.each([
  [0.011, 1, "worse"],
  [0.005, 1.19, "same"],
  [0, 1.2, "worse"],
  [-0.02, 1, "better"],
  [0, 0.8, "better"],
  [0.02, 0.5, "worse"],
] as const)("error rate %s and p95 ×%s is %s", (errorRateChange, p95Ratio, expected) => {
  expect(toneOf({ from: "a", to: "b", node: null, change: "compared", callsPerSecondChange: 0, errorRateChange, p95ChangeMs: 0, p95Ratio })).toBe(expected);
});

test("no graph yet is an empty model", () => {
  expect(mapModel(undefined)).toEqual({ nodes: [], edges: [], comparing: false });
});
