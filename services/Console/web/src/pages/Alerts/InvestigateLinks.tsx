import { Link } from "react-router";
import { around, logsLink, serviceLogQuery, serviceMapLink, tracesLink } from "../../lib/signalLinks";

/** How far around an alert's start the links look: the quarter hour before it began and after. */
export const investigateWindowMs = 15 * 60_000;

/**
 * The service's map, logs and traces at the time an alert began or an incident triggered. Named for the service
 * (the accessible names differ between alerts of different services on one page).
 */
export function InvestigateLinks({ service, at, subject }: { service: string; at: number; subject?: string }) {
  const { start, end } = around(at, investigateWindowMs, Math.min(investigateWindowMs, Math.max(60_000, Date.now() - at)));
  const of = subject ? ` (${subject})` : "";
  return (
    <span className="investigate-links" role="group" aria-label={`Investigate ${service}${of}`}>
      <Link to={serviceMapLink(service, start, end)} aria-label={`Service map of ${service}${of}`}>Map</Link>
      <Link to={logsLink(serviceLogQuery(service), start, end)} aria-label={`Logs of ${service}${of}`}>Logs</Link>
      <Link to={tracesLink({ service, start, end })} aria-label={`Traces of ${service}${of}`}>Traces</Link>
    </span>
  );
}

/** The service an incident points at: the root cause correlation suggested ("db: reason" names "db"), else its first service. */
export function incidentService(rootCause: string | null, services: readonly string[]): string | undefined {
  if (rootCause) {
    const colon = rootCause.indexOf(": ");
    return colon > 0 ? rootCause.slice(0, colon) : rootCause;
  }
  return services[0];
}
