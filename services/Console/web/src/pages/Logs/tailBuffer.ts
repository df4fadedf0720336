import type { LogRecord } from "../../api/logs";

/** How many tailed lines the page keeps; older ones fall off the bottom. */
export const tailCap = 5000;

/** New lines on top, newest first, at most `cap` kept, none twice (a reconnect may resend a line). */
export function prependLines(kept: readonly LogRecord[], arrived: readonly LogRecord[], cap = tailCap): LogRecord[] {
  const ids = new Set(kept.map((r) => r.id));
  const fresh = arrived.filter((r) => !ids.has(r.id)).reverse();
  return [...fresh, ...kept].slice(0, cap);
}
