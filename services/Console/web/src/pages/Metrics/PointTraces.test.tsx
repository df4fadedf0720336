import { screen, within } from "@testing-library/react";
import { json, mockFetch } from "../../test/fetchMock";
import { renderScreen } from "../../test/render";
import type { ChartData } from "../../components/TimeSeriesChart/chartData";
import { PointTraces } from "./PointTraces";

const chart: ChartData = {
  times: [1000, 1060, 1120],
  series: [
    { key: "a", label: "a", values: [1, 2, 3], labels: { job: "checkout" } },
    { key: "b", label: "b", values: [1, null, 3], labels: { service_name: "payments" } },
    { key: "c", label: "c", values: [1, 2, 3], labels: { instance: "x" } },
  ],
};

test("exemplars near the point open their traces; each shown series' service opens its traces over the point's window", async () => {
  const { callsTo } = mockFetch({
    "POST /api/metrics/api/v1/query_exemplars": json(200, {
      status: "success",
      data: [{ seriesLabels: { service_name: "checkout" }, exemplars: [{ labels: { trace_id: "4bf92f3577b34da6a3ce929d0e0e4736" }, value: "0.2", timestamp: 1061.5 }, { labels: { span_id: "x" }, value: "1", timestamp: 1062 }] }],
    }),
  });
  renderScreen(<PointTraces chart={chart} index={1} stepSeconds={60} queries={["rate(http_requests_total[5m])"]} onClose={() => {}} />);
  const exemplars = await screen.findByRole("list", { name: "Exemplar traces" });
  expect(within(exemplars).getAllByRole("link")).toHaveLength(1);
  expect(within(exemplars).getByRole("link", { name: "Trace 4bf92f3577b34da6" })).toHaveAttribute("href", "/traces/4bf92f3577b34da6a3ce929d0e0e4736");
  const byService = screen.getByRole("list", { name: "Traces by service" });
  // payments has no value at this point; the series without a service label offers nothing.
  expect(within(byService).getAllByRole("link").map((l) => l.getAttribute("href"))).toEqual(["/traces?service=checkout&start=1000000&end=1120000"]);
  const form = new URLSearchParams(callsTo("POST /api/metrics/api/v1/query_exemplars")[0]!.body);
  expect([form.get("query"), form.get("start"), form.get("end")]).toEqual(["rate(http_requests_total[5m])", "1000.000", "1120.000"]);
});
