import type { Threshold } from "../../../api/dashboards";

/** Grafana's named colours (its classic palette), so imported thresholds keep their look; other text is CSS. */
const named: Record<string, string> = {
  green: "#73bf69", "dark-green": "#37872d", "semi-dark-green": "#56a64b", "light-green": "#96d98d",
  red: "#f2495c", "dark-red": "#c4162a", "semi-dark-red": "#e02f44", "light-red": "#ff7383",
  orange: "#ff9830", "dark-orange": "#fa6400", "semi-dark-orange": "#ff780a", "light-orange": "#ffb357",
  yellow: "#fade2a", "dark-yellow": "#e0b400", "semi-dark-yellow": "#f2cc0c", "light-yellow": "#ffee52",
  blue: "#5794f2", "dark-blue": "#1f60c4", "semi-dark-blue": "#3274d9", "light-blue": "#8ab8ff",
  purple: "#b877d9", "dark-purple": "#8f3bb8", "semi-dark-purple": "#a352cc", "light-purple": "#ca95e5",
};

export function cssColor(color: string): string {
  return named[color] ?? color;
}

/** The colour of the highest threshold at or below the value; undefined below the first (the default colour). */
export function thresholdColor(value: number | null, thresholds: readonly Threshold[]): string | undefined {
  if (value === null || Number.isNaN(value)) return undefined;
  let color: string | undefined;
  for (const t of [...thresholds].sort((a, b) => a.value - b.value)) {
    if (value >= t.value) color = cssColor(t.color);
  }
  return color;
}
