import type { Point } from "./layoutMap";

/**
 * An SVG path through ELK's route. With spline routing ELK gives the start point followed by cubic Bézier
 * control-point triples (c1, c2, end), so 1 + 3k points draw as curves; any other count is a polyline.
 */
export function edgePath(points: readonly Point[]): string {
  if (points.length < 2) return "";
  const [first, ...rest] = points;
  const at = (p: Point) => `${round(p.x)} ${round(p.y)}`;
  if (rest.length % 3 === 0 && rest.length >= 3) {
    const curves: string[] = [];
    for (let i = 0; i < rest.length; i += 3) curves.push(`C ${at(rest[i]!)}, ${at(rest[i + 1]!)}, ${at(rest[i + 2]!)}`);
    return `M ${at(first!)} ${curves.join(" ")}`;
  }
  return `M ${at(first!)} ${rest.map((p) => `L ${at(p)}`).join(" ")}`;
}

const round = (n: number) => Math.round(n * 10) / 10;
