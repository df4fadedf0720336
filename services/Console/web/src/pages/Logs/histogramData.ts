import { levels } from "./logsState";

/** One bar: its start (epoch ms) and the matching records per level. */
export interface LevelBucket {
  start: number;
  byLevel: Record<string, number>;
}

export interface StackedBars {
  /** Bar starts, epoch seconds (uPlot's unit). */
  times: number[];
  /** The levels present, bottom of the stack first. */
  levels: string[];
  /** Per level (same order), the top of its segment: its count plus every level below it. */
  tops: number[][];
  totals: number[];
}

/**
 * Stacks the levels of each bar in severity order (fatal and error at the bottom, where the eye lands), dropping
 * levels with no records at all. uPlot draws plain bars, so each level is drawn as a bar to its segment's top and the
 * lower levels are drawn over it.
 */
export function stackLevels(buckets: readonly LevelBucket[]): StackedBars {
  const present = levels.filter((level) => buckets.some((b) => (b.byLevel[level] ?? 0) > 0));
  const extra = [...new Set(buckets.flatMap((b) => Object.keys(b.byLevel)))].filter((l) => !(levels as readonly string[]).includes(l)).sort();
  const order = [...present, ...extra.filter((l) => buckets.some((b) => (b.byLevel[l] ?? 0) > 0))];
  const running = buckets.map(() => 0);
  const tops = order.map((level) =>
    buckets.map((b, i) => {
      running[i]! += b.byLevel[level] ?? 0;
      return running[i]!;
    }),
  );
  return { times: buckets.map((b) => b.start / 1000), levels: order, tops, totals: running };
}
