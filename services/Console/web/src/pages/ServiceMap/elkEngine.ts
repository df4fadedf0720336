import type { ElkNode } from "elkjs/lib/elk-api";

/** What the map needs of ELK: an async layout of a graph (elkjs's `ELK.layout`). */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let engine: Promise<LayoutEngine> | undefined;

/**
 * ELK in a web worker (elk-worker.min.js, ~1.6 MB, fetched only by this screen), so laying out 50 services never
 * blocks the page. Vitest's jsdom has no Worker: there the same engine runs in-process, still asynchronously; the
 * mode is a build-time constant, so the production bundle carries no in-process copy.
 */
export function layoutEngine(): Promise<LayoutEngine> {
  engine ??= (async () => {
    if (import.meta.env.MODE === "test") {
      const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
      return new ELK();
    }
    const [{ default: ELK }, { default: workerUrl }] = await Promise.all([import("elkjs/lib/elk-api"), import("elkjs/lib/elk-worker.min.js?url")]);
    return new ELK({ workerUrl });
  })();
  return engine;
}
