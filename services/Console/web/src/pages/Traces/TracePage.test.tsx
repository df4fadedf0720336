import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { currentUrl, renderScreen } from "../../test/render";
import { checkoutAnswer, checkoutSpans, checkoutTrace } from "./traceFixtures";
import { TracePage } from "./TracePage";

const id = checkoutTrace.traceId;
const logs = [
  { id: "l2", timestamp: "", timestampNs: checkoutTrace.startNs + 900e6, level: "warn", message: "gateway slow, retrying", service: "payment", traceId: id, spanId: "d1" },
  { id: "l1", timestamp: "", timestampNs: checkoutTrace.startNs + 1e6, level: "info", message: "checkout started", service: "checkout", traceId: id, spanId: null },
];

function backend() {
  return mockFetch({
    [`GET /api/traces/api/v1/traces/${id}/outline`]: json(200, checkoutAnswer),
    ...Object.fromEntries(checkoutSpans.map((s) => [`GET /api/traces/api/v1/traces/${id}/spans/${s.spanId}`, json(200, s)])),
    "GET /api/logs/api/v1/logs/search": json(200, { records: logs, total: 2, totalIsLowerBound: false, nextCursor: null, histogram: null }),
  });
}

function open(query = "") {
  return renderScreen(
    <Routes>
      <Route path="/traces/:traceId" element={<TracePage />} />
    </Routes>,
    { path: `/traces/${id}${query}` },
  );
}

const row = (spanId: string) => document.querySelector(`[data-span-id="${spanId}"]`) as HTMLElement | null;

test("the waterfall lists the tree with the critical path marked on the bars that held the trace up", async () => {
  backend();
  open();
  const waterfall = await screen.findByRole("region", { name: "Waterfall" });
  expect(within(waterfall).getByLabelText("6 of 6 spans")).toBeInTheDocument();
  await waitFor(() => expect(within(row("d1")!).getAllByTestId("critical-segment")).toHaveLength(1));
  expect(within(row("c1")!).getAllByTestId("critical-segment")).toHaveLength(2);
  expect(within(row("e1")!).queryAllByTestId("critical-segment")).toHaveLength(0);
  expect(row("d1")).toHaveTextContent("880ms on the critical path");
  expect(screen.getByText(/critical path 1s over 4 spans/)).toBeInTheDocument();
  expect(row("d1")).toHaveTextContent("error");
});

test("a subtree collapses and expands, its state in the URL", async () => {
  backend();
  open();
  await screen.findByRole("region", { name: "Waterfall" });
  await userEvent.click(screen.getByRole("button", { name: "Collapse reserve items (1 spans below)" }));
  expect(row("f1")).toBeNull();
  expect(currentUrl().searchParams.get("collapsed")).toBe("e1");
  await userEvent.click(screen.getByRole("button", { name: "Expand reserve items (1 spans below)" }));
  expect(row("f1")).not.toBeNull();
  expect(currentUrl().searchParams.has("collapsed")).toBe(false);
});

test("filters by service and text keep the matches and the path to them", async () => {
  backend();
  open();
  await screen.findByRole("region", { name: "Waterfall" });
  await userEvent.click(screen.getByRole("checkbox", { name: "inventory" }));
  expect(currentUrl().searchParams.getAll("service")).toEqual(["inventory"]);
  expect(screen.getByLabelText("4 of 6 spans")).toBeInTheDocument();
  expect(row("c1")).toBeNull();
  expect(row("b1")).toHaveClass("context");
  await userEvent.click(screen.getByRole("checkbox", { name: "inventory" }));
  await userEvent.type(screen.getByLabelText("Text"), "acme-pay{Enter}");
  expect(currentUrl().searchParams.get("q")).toBe("acme-pay");
  expect(screen.getByLabelText("4 of 6 spans")).toBeInTheDocument();
  expect(row("e1")).toBeNull();
});

test("a span's detail shows its attributes, resource, events, links and status; its logs are beside it", async () => {
  backend();
  open();
  await screen.findByRole("region", { name: "Waterfall" });
  await userEvent.click(within(row("d1")!).getByRole("button", { name: /POST acme-pay/ }));
  expect(currentUrl().searchParams.get("span")).toBe("d1");
  const detail = screen.getByRole("region", { name: "Span detail" });
  expect(detail).toHaveTextContent("880ms");
  await within(detail).findByRole("table", { name: "Resource" });
  expect(detail).toHaveTextContent("gateway timeout");
  expect(detail).toHaveTextContent("880ms");
  expect(within(detail).getByRole("table", { name: "Resource" })).toHaveTextContent("service.namepayment");
  expect(within(detail).getByRole("table", { name: "retry attributes" })).toHaveTextContent("attempt2");
  expect(within(detail).getByRole("link", { name: /0af7651916cd43dd8448eb211c80319c/ })).toHaveAttribute("href", "/traces/0af7651916cd43dd8448eb211c80319c?span=b7ad6b7169203331");

  const logPanel = screen.getByRole("region", { name: "Trace logs" });
  const lines = await within(logPanel).findAllByRole("listitem");
  expect(lines.map((l) => l.textContent)).toEqual([expect.stringContaining("checkout started"), expect.stringContaining("gateway slow, retrying")]);
  expect(lines[1]).toHaveClass("selected");
  await userEvent.click(within(logPanel).getByRole("button", { name: "span d1" }));
  expect(currentUrl().searchParams.get("span")).toBe("d1");
});

test("the flame graph draws every span as a box, the critical ones outlined, and a box selects its span", async () => {
  backend();
  open("?view=flame");
  const flame = await screen.findByRole("figure", { name: "Flame graph" });
  await waitFor(() => expect(flame.querySelectorAll(".flame-box.critical")).toHaveLength(4));
  expect(within(flame).getAllByRole("button")).toHaveLength(6);
  await userEvent.click(within(flame).getByRole("button", { name: "inventory: reserve items 50ms" }));
  expect(currentUrl().searchParams.get("span")).toBe("e1");
  expect(screen.getByRole("region", { name: "Span detail" })).toHaveTextContent("reserve items");
  await userEvent.click(screen.getByRole("button", { name: "Waterfall" }));
  expect(currentUrl().searchParams.has("view")).toBe(false);
});

test("an unknown trace is trace-service's 404, shown", async () => {
  mockFetch({
    [`GET /api/traces/api/v1/traces/${id}/outline`]: problem(404, "Trace not found", `No stored span has the trace id '${id}'.`),
  });
  open();
  expect(await screen.findByRole("alert")).toHaveTextContent(`No stored span has the trace id '${id}'.`);
});
