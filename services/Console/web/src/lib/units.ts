/** The units panels and charts know, as Grafana names them. */
export type Unit = "s" | "ms" | "bytes" | "percent" | "percentunit" | "reqps" | "short" | null | undefined;

const byteUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
const shortUnits: Array<[number, string]> = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
];

function fixed(value: number, decimals: number | null | undefined, fallback: number): string {
  const places = decimals ?? fallback;
  const text = value.toFixed(places);
  return decimals == null && text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

function autoDecimals(value: number): number {
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 100) return 0;
  if (abs >= 10) return 1;
  if (abs >= 1) return 2;
  return 3;
}

function seconds(value: number, decimals: number | null | undefined): string {
  const abs = Math.abs(value);
  if (abs === 0) return "0 s";
  if (abs < 1e-6) return `${fixed(value * 1e9, decimals, autoDecimals(value * 1e9))} ns`;
  if (abs < 1e-3) return `${fixed(value * 1e6, decimals, autoDecimals(value * 1e6))} µs`;
  if (abs < 1) return `${fixed(value * 1e3, decimals, autoDecimals(value * 1e3))} ms`;
  if (abs < 60) return `${fixed(value, decimals, autoDecimals(value))} s`;
  if (abs < 3600) return `${fixed(value / 60, decimals, autoDecimals(value / 60))} min`;
  if (abs < 86400) return `${fixed(value / 3600, decimals, autoDecimals(value / 3600))} h`;
  return `${fixed(value / 86400, decimals, autoDecimals(value / 86400))} d`;
}

function bytes(value: number, decimals: number | null | undefined): string {
  let scaled = value;
  let index = 0;
  while (Math.abs(scaled) >= 1024 && index < byteUnits.length - 1) {
    scaled /= 1024;
    index++;
  }
  return `${fixed(scaled, decimals, autoDecimals(scaled))} ${byteUnits[index]}`;
}

function short(value: number, decimals: number | null | undefined): string {
  const abs = Math.abs(value);
  for (const [size, suffix] of shortUnits) {
    if (abs >= size) return `${fixed(value / size, decimals, autoDecimals(value / size))}${suffix}`;
  }
  return fixed(value, decimals, autoDecimals(value));
}

/** A value as people read it in the unit: 0.0042 s → "4.2 ms", 1536 bytes → "1.5 KiB", 42 percent → "42%". */
export function formatValue(value: number | null | undefined, unit?: Unit | string, decimals?: number | null): string {
  if (value == null || Number.isNaN(value)) return "–";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  switch (unit) {
    case "s":
      return seconds(value, decimals);
    case "ms":
      return seconds(value / 1000, decimals);
    case "bytes":
      return bytes(value, decimals);
    case "percent":
      return `${fixed(value, decimals, autoDecimals(value))}%`;
    case "percentunit":
      return `${fixed(value * 100, decimals, autoDecimals(value * 100))}%`;
    case "reqps":
      return `${short(value, decimals)} req/s`;
    default:
      return short(value, decimals);
  }
}
