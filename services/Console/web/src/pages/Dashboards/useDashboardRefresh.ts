import { useEffect, useState } from "react";
import { refreshInterval } from "../../components/TimeRangePicker/RefreshPicker";

/**
 * A counter that moves every refresh interval (and on demand), so a relative range is resolved against a new "now"
 * and every panel's query key changes. A hidden tab does not refresh.
 */
export function useDashboardRefresh(refresh: string | null) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const interval = refreshInterval(refresh);
    if (!interval) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== "hidden") setTick((t) => t + 1);
    }, interval);
    return () => clearInterval(timer);
  }, [refresh]);
  return { tick, refreshNow: () => setTick((t) => t + 1) };
}
