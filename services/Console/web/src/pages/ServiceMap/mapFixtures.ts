import type { GraphComparison, GraphView, Measures, NodeKind } from "../../api/serviceMap";

/** Measures as trace-service writes them (Apis/Dependencies/DependencyViews.cs MeasuresView). */
export function measures(calls: number, errorRate: number, p95Ms: number, seconds = 3600): Measures {
  return {
    calls, callsPerSecond: calls / seconds, errors: Math.round(calls * errorRate), errorRate,
    p50Ms: p95Ms / 2, p95Ms, p99Ms: p95Ms * 1.5, exemplarTraceId: calls > 0 ? "4bf92f3577b34da6a3ce929d0e0e4736" : null,
  };
}

const node = (name: string, kind: NodeKind, m: Measures) => ({ name, kind, measures: m, outgoingCalls: 0 });
const edge = (from: string, to: string, toKind: NodeKind, m: Measures) => ({ from, to, toKind, measures: m });

/** An hour of a shop: user → frontend → checkout → payments and postgresql/orders, checkout → kafka/orders. */
export const baselineGraph: GraphView = {
  start: "2026-12-01T20:00:00Z", end: "2026-12-01T21:00:00Z",
  nodes: [
    node("user", "service", measures(0, 0, 0)),
    node("frontend", "service", measures(3600, 0.001, 80)),
    node("checkout", "service", measures(1800, 0.01, 120)),
    node("payments", "service", measures(1800, 0.01, 60)),
    node("legacy-fraud", "external", measures(900, 0, 300)),
  ],
  edges: [
    edge("user", "frontend", "service", measures(3600, 0.001, 80)),
    edge("frontend", "checkout", "service", measures(1800, 0.01, 120)),
    edge("checkout", "payments", "service", measures(1800, 0.01, 60)),
    edge("checkout", "legacy-fraud", "external", measures(900, 0, 300)),
  ],
};

export const currentGraph: GraphView = {
  start: "2026-12-01T21:00:00Z", end: "2026-12-01T22:00:00Z",
  nodes: [
    node("user", "service", measures(0, 0, 0)),
    node("frontend", "service", measures(3600, 0.001, 82)),
    node("checkout", "service", measures(1800, 0.01, 125)),
    node("payments", "service", measures(1800, 0.2, 65)),
    node("postgresql/orders", "database", measures(1800, 0, 4)),
  ],
  edges: [
    edge("user", "frontend", "service", measures(3600, 0.001, 82)),
    edge("frontend", "checkout", "service", measures(1800, 0.01, 125)),
    edge("checkout", "payments", "service", measures(1800, 0.2, 65)),
    edge("checkout", "postgresql/orders", "database", measures(1800, 0, 4)),
  ],
};

const change = (from: string | null, to: string, kind: "new" | "vanished" | "compared", errorRateChange = 0, p95Ratio: number | null = 1) => ({
  from, to: from ? to : null, node: from ? null : to, change: kind, callsPerSecondChange: 0, errorRateChange, p95ChangeMs: 0, p95Ratio,
});

/** The two compared as trace-service answers (GraphComparisonView): payments' errors rose, a database appeared, the fraud check vanished. */
export const comparison: GraphComparison = {
  current: currentGraph,
  baseline: baselineGraph,
  edges: [
    change("user", "frontend", "compared", 0, 1.02),
    change("frontend", "checkout", "compared", 0, 1.04),
    change("checkout", "payments", "compared", 0.19, 1.08),
    change("checkout", "postgresql/orders", "new", 0, null),
    change("checkout", "legacy-fraud", "vanished", 0, null),
  ],
  nodes: [
    change(null, "frontend", "compared", 0, 1.02),
    change(null, "checkout", "compared", 0, 1.04),
    change(null, "payments", "compared", 0.19, 1.08),
    change(null, "postgresql/orders", "new", 0, null),
    change(null, "legacy-fraud", "vanished", 0, null),
  ],
  newEdges: [{ from: "checkout", to: "postgresql/orders" }],
  vanishedEdges: [{ from: "checkout", to: "legacy-fraud" }],
  newNodes: ["postgresql/orders"],
  vanishedNodes: ["legacy-fraud"],
};

/**
 * A 50-service system shaped like real ones: a few entry services fanning out through layers to shared back ends,
 * with databases and queues; deterministic (a linear congruential generator), so a failure reproduces.
 */
export function largeGraph(services = 50): GraphView {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const names = Array.from({ length: services }, (_, i) => `service-${String(i).padStart(2, "0")}`);
  const stores = ["postgresql/orders", "postgresql/users", "redis/cache", "kafka/events", "rabbitmq/jobs"];
  const kindOf = (s: string): NodeKind => (s.startsWith("kafka") || s.startsWith("rabbitmq") ? "queue" : "database");
  const nodes = [node("user", "service", measures(0, 0, 0)), ...names.map((n) => node(n, "service", measures(1000, 0.01, 50))), ...stores.map((s) => node(s, kindOf(s), measures(500, 0, 3)))];
  const edges = [];
  const seen = new Set<string>();
  for (let i = 0; i < 5; i++) edges.push(edge("user", names[i]!, "service", measures(2000, 0.001, 90)));
  for (let i = 5; i < services; i++) {
    for (const caller of [Math.floor(random() * i), Math.floor(random() * i)]) {
      const key = `${names[caller]}>${names[i]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push(edge(names[caller]!, names[i]!, "service", measures(800, 0.02, 40)));
    }
  }
  for (let i = 0; i < services; i += 4) edges.push(edge(names[i]!, stores[i % stores.length]!, kindOf(stores[i % stores.length]!), measures(400, 0, 3)));
  return { start: baselineGraph.start, end: baselineGraph.end, nodes, edges };
}
