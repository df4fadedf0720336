import { useQueries, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { slaReport, slaServices, type SlaObjective, type SlaReport } from "../../api/sla";
import { parseDuration } from "../../lib/duration";
import { ErrorMessage } from "../../shell/ErrorMessage";

const windows = ["1h", "24h", "7d", "30d", "90d"];
/** metrics-service refuses ranges over 92 days (Apis/SlaApi.cs). */
const maxWindowMs = 92 * 86_400_000;
const tone = { MET: "ok", BREACH: "bad", NO_DATA: "warn" } as const;

function Status({ status }: { status: SlaReport["overall"] }) {
  return <span className={`badge ${tone[status]}`}>{status === "NO_DATA" ? "NO DATA" : status}</span>;
}

function Objective({ objective }: { objective: SlaObjective }) {
  const higher = objective.name === "availability" || objective.name === "throughput";
  const actual = objective.actual === null ? "—" : `${objective.actual.toLocaleString(undefined, { maximumFractionDigits: 3 })} ${objective.unit}`;
  return (
    <td>
      <Status status={objective.status} /> {actual}
      <br />
      <span className="muted">target {higher ? "≥" : "≤"} {objective.target.toLocaleString()} {objective.unit}</span>
    </td>
  );
}

/** The window ending now (to the minute, so every service's report covers the same minutes). */
function windowRange(windowMs: number) {
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  return { start: end - windowMs, end };
}

/** SLA: metrics-service's report per service over a window, each objective MET or BREACH. URL: window, service (repeated). */
export function SlaPage() {
  const [params, setParams] = useSearchParams();
  const windowText = params.get("window") ?? "24h";
  const windowMs = parseDuration(windowText);
  const validWindow = windowMs !== undefined && windowMs >= 60_000 && windowMs <= maxWindowMs;
  const range = windowRange(validWindow ? windowMs : 86_400_000);
  const chosen = params.getAll("service");
  const [custom, setCustom] = useState(windows.includes(windowText) ? "" : windowText);
  const known = useQuery({ queryKey: ["sla", "services", windowText], queryFn: ({ signal }) => slaServices(range, signal), enabled: validWindow });
  const services = chosen.length > 0 ? chosen : known.data ?? [];
  const reports = useQueries({
    queries: services.map((service) => ({
      queryKey: ["sla", "report", service, windowText],
      queryFn: ({ signal }: { signal: AbortSignal }) => slaReport(service, range.start, range.end, signal),
      enabled: validWindow,
      staleTime: 60_000,
    })),
  });
  const setWindow = (value: string) => {
    const next = new URLSearchParams(params);
    next.set("window", value);
    setParams(next);
  };
  const toggleService = (service: string, on: boolean) => {
    const next = new URLSearchParams(params);
    next.delete("service");
    const list = on ? [...chosen, service] : chosen.filter((s) => s !== service);
    for (const s of list) next.append("service", s);
    setParams(next);
  };
  const submitCustom = (event: FormEvent) => {
    event.preventDefault();
    setWindow(custom.trim());
  };

  return (
    <section className="page">
      <h1>SLA</h1>
      <div className="toolbar">
        <div className="tabs" role="group" aria-label="Window">
          {windows.map((w) => (
            <button key={w} type="button" aria-pressed={w === windowText} onClick={() => setWindow(w)}>Last {w}</button>
          ))}
        </div>
        <form className="toolbar" onSubmit={submitCustom}>
          <label>
            Other window
            <input size={8} value={custom} placeholder="12h" onChange={(e) => setCustom(e.target.value)} />
          </label>
          <button type="submit">Apply</button>
        </form>
      </div>
      {!validWindow && <ErrorMessage error={new Error(`"${windowText}" is not a window between 1m and 92d (e.g. 24h, 7d).`)} context="Window" />}
      {known.isError && <ErrorMessage error={known.error} context="Could not list the services" />}
      {known.data && (
        <fieldset className="toolbar">
          <legend>Services (none chosen: all)</legend>
          {known.data.length === 0 && <span className="muted">No service has request metrics in this window.</span>}
          {known.data.map((s) => (
            <label key={s} className="inline">
              <input type="checkbox" checked={chosen.includes(s)} onChange={(e) => toggleService(s, e.target.checked)} />
              {s}
            </label>
          ))}
        </fieldset>
      )}
      {services.length > 0 && validWindow && (
        <table className="data" aria-label={`SLA over the last ${windowText}`}>
          <thead>
            <tr>
              <th scope="col">Service</th><th scope="col">Overall</th><th scope="col">Availability</th><th scope="col">p95 latency</th>
              <th scope="col">Error rate</th><th scope="col">Throughput</th><th scope="col">Requests</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service, i) => {
              const report = reports[i];
              return (
                <tr key={service}>
                  <th scope="row">{service}</th>
                  {report?.data ? (
                    <>
                      <td><Status status={report.data.overall} /></td>
                      <Objective objective={report.data.availability} />
                      <Objective objective={report.data.p95Latency} />
                      <Objective objective={report.data.errorRate} />
                      <Objective objective={report.data.throughput} />
                      <td>{report.data.totalRequests.toLocaleString()}</td>
                    </>
                  ) : (
                    <td colSpan={6}>{report?.isError ? <ErrorMessage error={report.error} context={`Report for ${service}`} /> : <span className="loading">Loading…</span>}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
