import { colorOf } from "../../components/TimeSeriesChart/chartData";

/** Each of the trace's services its own colour from the charts' palette, in the trace's (sorted) service order. */
export function serviceColors(services: readonly string[]): (service: string) => string {
  const index = new Map(services.map((s, i) => [s, i]));
  return (service) => colorOf(index.get(service) ?? services.length);
}

/** Black or white, whichever reads better on a #rrggbb background (WCAG relative luminance). */
export function textOn(hex: string): "#000000" | "#ffffff" {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast against black (L + 0.05) / 0.05 beats contrast against white 1.05 / (L + 0.05) above L ≈ 0.179.
  return luminance > 0.179 ? "#000000" : "#ffffff";
}
