import type { ElkNode } from "elkjs/lib/elk-api";

/** What the map needs of ELK: an async layout of a graph (elkjs's `ELK.layout`). */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let engine: Promise<LayoutEngine> | undefined;

/**
 * ELK in a web worker (elk-worker.min.js, ~1.6 MB, loaded only by this screen), so laying out 50 services never
 * blocks the page; where there is no Worker (jsdom) the same engine runs in-process, still asynchronously.
 */
export function layoutEngine(): Promise<LayoutEngine> {
  engine ??= (async () => {
    if (typeof Worker === "function") {
      const [{ default: ELK }, { default: workerUrl }] = await Promise.all([import("elkjs/lib/elk-api"), import("elkjs/lib/elk-worker.min.js?url")]);
      return new ELK({ workerUrl });
    }
    const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
    return new ELK();
  })();
  return engine;
}
