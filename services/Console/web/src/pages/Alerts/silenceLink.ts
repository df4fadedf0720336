import { formatMatchers, matchersFromLabels } from "../../lib/matchers";

/** A link to a new silence whose matchers are the alert's labels. */
export function silenceLink(labels: Record<string, string>): string {
  return `/alerts/silences/new?${new URLSearchParams({ matchers: formatMatchers(matchersFromLabels(labels)) }).toString()}`;
}
