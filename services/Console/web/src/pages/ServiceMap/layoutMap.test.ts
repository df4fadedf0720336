import ELK from "elkjs/lib/elk.bundled.js";
import { edgePath } from "./edgePath";
import { layoutMap, nodeHeight, structureKey } from "./layoutMap";
import { largeGraph } from "./mapFixtures";
import { mapModel } from "./mapModel";

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("50 services (and their databases and queues) lay out with no two nodes overlapping and every edge routed", async () => {
  const model = mapModel(largeGraph(50));
  expect(model.nodes).toHaveLength(56);
  const started = performance.now();
  const layout = await layoutMap(model, new ELK());
  const took = performance.now() - started;
  console.info(`ELK layered layout of ${model.nodes.length} nodes and ${model.edges.length} edges: ${took.toFixed(0)} ms`);

  const boxes = [...layout.nodes.values()];
  expect(boxes).toHaveLength(56);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  }
  for (const e of model.edges) {
    const route = layout.edges.get(e.id)!;
    expect(route.points.length).toBeGreaterThanOrEqual(2);
    expect(edgePath(route.points)).toMatch(/^M /);
    expect(route.label).not.toBeNull();
  }
  // Readable: boxes keep their height and the drawing stays within what a scrolling canvas can show.
  expect(boxes.every((b) => b.height === nodeHeight)).toBe(true);
  expect(layout.width).toBeGreaterThan(0);
  expect(layout.height).toBeLessThan(6000);
  // Callers left of callees: the layered direction holds (cycles aside, there are none here).
  const user = layout.nodes.get("user")!;
  expect(boxes.every((b) => b.x >= user.x)).toBe(true);
});

test("the layout key follows the graph's shape, not its measures", () => {
  const a = mapModel(largeGraph(10));
  const b = mapModel({ ...largeGraph(10), edges: largeGraph(10).edges.map((e) => ({ ...e, measures: { ...e.measures, calls: 1 } })) });
  expect(structureKey(a)).toBe(structureKey(b));
  expect(structureKey(mapModel(largeGraph(11)))).not.toBe(structureKey(a));
});

test("edge paths: cubic segments when ELK gives control-point triples, a polyline otherwise", () => {
  expect(edgePath([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 3 }])).toBe("M 0 0 C 1 1, 2 2, 3 3");
  expect(edgePath([{ x: 0, y: 0 }, { x: 5, y: 0 }])).toBe("M 0 0 L 5 0");
  expect(edgePath([{ x: 0, y: 0 }])).toBe("");
});
