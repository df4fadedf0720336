import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, mockFetch } from "../../test/fetchMock";
import { currentUrl, renderScreen } from "../../test/render";
import { BottlenecksPage } from "./BottlenecksPage";

const window = (startNs: number, traces: number) => ({
  start: "", end: "", startNs, endNs: startNs + 3_600e9, tracesInWindow: traces, tracesAnalysed: traces, sampled: false, totalCriticalNs: 5e9,
});
const change = (extra: object) => ({
  service: "payment", operation: "charge", rankBefore: 2, rankAfter: 1, shareBefore: 0.2, shareAfter: 0.6, shareChange: 0.4,
  meanCriticalChangeNs: 250e6, isNew: false, isGone: false, ...extra,
});
const report = {
  service: "payment", maxTraces: 1000, window: window(1.7e18, 15), previous: window(1.7e18 - 3_600e9, 12),
  operations: [
    { service: "payment", operation: "charge", rank: 1, share: 0.6, criticalNs: 3e9, selfNs: 3e9, spans: 15, traces: 15, meanCriticalNsPerTrace: 200e6, change: change({}) },
    { service: "checkout", operation: "POST /orders", rank: 2, share: 0.3, criticalNs: 1.5e9, selfNs: 1e9, spans: 15, traces: 15, meanCriticalNsPerTrace: 100e6,
      change: change({ service: "checkout", operation: "POST /orders", rankBefore: null, shareBefore: null, isNew: true }) },
  ],
  gone: [change({ service: "cart", operation: "redis GET", rankBefore: 1, rankAfter: null, shareBefore: 0.5, isGone: true })],
};

test("operations ranked by critical-path share with their change, for the service and window in the URL", async () => {
  const { callsTo } = mockFetch({
    "GET /api/traces/api/services": json(200, { data: ["checkout", "payment"], total: 2, limit: 0, offset: 0, errors: null }),
    "GET /api/traces/api/v1/bottlenecks": json(200, report),
  });
  renderScreen(<BottlenecksPage />, { path: "/traces/bottlenecks?service=payment&range=1h" });
  const table = await screen.findByRole("table", { name: "Bottlenecks over the last 1h" });
  const rows = within(table).getAllByRole("row");
  expect(rows[1]).toHaveTextContent("1payment: charge 60.0%200ms3s1515+40.0 pp (rank ↑1) · +250ms/trace");
  expect(within(rows[1]!).getByRole("link")).toHaveAttribute("href", "/traces?service=payment&operation=charge");
  expect(rows[2]).toHaveTextContent("new");
  expect(screen.getByText(/cart: redis GET/)).toHaveTextContent("was rank 1, 50.0%");
  const sent = callsTo("GET /api/traces/api/v1/bottlenecks")[0]!.url.searchParams;
  expect(sent.get("service")).toBe("payment");
  expect(Number(sent.get("end")) - Number(sent.get("start"))).toBe(3_600e6);

  await userEvent.click(screen.getByRole("button", { name: "Last 6h" }));
  expect(currentUrl().searchParams.get("range")).toBe("6h");
  await waitFor(() => expect(callsTo("GET /api/traces/api/v1/bottlenecks")).toHaveLength(2));
  await userEvent.selectOptions(screen.getByLabelText("Service"), "");
  expect(currentUrl().searchParams.has("service")).toBe(false);
});

test("a window over six hours is refused before asking", async () => {
  const { callsTo } = mockFetch({ "GET /api/traces/api/services": json(200, { data: [], total: 0, limit: 0, offset: 0, errors: null }) });
  renderScreen(<BottlenecksPage />, { path: "/traces/bottlenecks?range=1d" });
  expect(await screen.findByRole("alert")).toHaveTextContent('"1d" is not a window between 1m and 6h.');
  expect(callsTo("GET /api/traces/api/v1/bottlenecks")).toHaveLength(0);
});
