import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import userEvent from "@testing-library/user-event";
import { FakeUPlot } from "../../test/fakeUPlot";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { useNavigate } from "react-router";
import { currentUrl, renderScreen } from "../../test/render";
import { summary } from "./traceFixtures";
import { TraceSearchPage } from "./TraceSearchPage";

vi.mock("uplot", async () => ({ default: (await import("../../test/fakeUPlot")).FakeUPlot }));

beforeEach(() => {
  FakeUPlot.instances = [];
});

const traces = [
  summary("aaa1", 1000, 120, { spanCount: 6 }),
  summary("bbb2", 2000, 2400, { spanCount: 4 }),
  summary("ccc3", 3000, 260, { spanCount: 9, errorCount: 2, rootOperation: "GET /cart" }),
];

function backend() {
  return mockFetch({
    "GET /api/traces/api/services": json(200, { data: ["cart", "frontend", "payment"], total: 3, limit: 0, offset: 0, errors: null }),
    "GET /api/traces/api/services/*/operations": (call) =>
      json(200, { data: call.url.pathname.includes("/frontend/") ? ["GET /cart", "GET /checkout"] : ["charge card"], total: 2, limit: 0, offset: 0, errors: null }),
    "GET /api/traces/api/v1/traces": json(200, { traces, limit: 100 }),
  });
}

test("the search's fields go to trace-service and into the URL; the scatter draws one point per trace, errors apart", async () => {
  const { callsTo } = backend();
  renderScreen(<TraceSearchPage />, { path: "/traces?from=now-3h&to=now" });
  await screen.findByRole("figure", { name: "Trace durations over time" });
  expect(screen.getByRole("figure", { name: "Trace durations over time" })).toHaveTextContent("3 traces, 1 with errors");
  const chart = FakeUPlot.last();
  expect(chart.data[1]).toEqual([120, 2400, null]);
  expect(chart.data[2]).toEqual([null, null, 260]);

  await userEvent.selectOptions(await screen.findByLabelText("Service"), await screen.findByRole("option", { name: "frontend" }));
  await userEvent.selectOptions(screen.getByLabelText("Operation"), await screen.findByRole("option", { name: "GET /checkout" }));
  await userEvent.type(screen.getByLabelText("Tags"), "http.status_code=200");
  await userEvent.type(screen.getByLabelText("Min duration"), "100ms");
  await userEvent.click(screen.getByRole("button", { name: "Find traces" }));

  const url = currentUrl().searchParams;
  expect([url.get("service"), url.get("operation"), url.get("tags"), url.get("minDuration"), url.get("from")]).toEqual([
    "frontend", "GET /checkout", "http.status_code=200", "100ms", "now-3h",
  ]);
  await waitFor(() => expect(callsTo("GET /api/traces/api/v1/traces").at(-1)!.url.searchParams.get("operation")).toBe("GET /checkout"));
  const sent = callsTo("GET /api/traces/api/v1/traces").at(-1)!.url.searchParams;
  expect(sent.get("minDuration")).toBe("100ms");
  expect(Number(sent.get("end")) - Number(sent.get("start"))).toBeCloseTo(3 * 3600 * 1e6, -4);
});

test("the list sorts by duration and span count, the sort kept in the URL, and each row opens its trace", async () => {
  backend();
  renderScreen(<TraceSearchPage />, { path: "/traces" });
  const table = await screen.findByRole("table");
  await userEvent.click(within(table).getByRole("button", { name: "Duration" }));
  await userEvent.click(within(table).getByRole("button", { name: "Duration" }));
  expect(currentUrl().searchParams.get("sort")).toBe("duration");
  expect(currentUrl().searchParams.get("desc")).toBe("true");
  const links = within(table).getAllByRole("link");
  expect(links.map((l) => l.getAttribute("href"))).toEqual(["/traces/bbb2", "/traces/ccc3", "/traces/aaa1"]);
  await userEvent.click(within(table).getByRole("button", { name: "Spans" }));
  expect(within(table).getAllByRole("link").map((l) => l.getAttribute("href"))).toEqual(["/traces/bbb2", "/traces/aaa1", "/traces/ccc3"]);
  expect(within(table).getAllByRole("row")[1]).toHaveTextContent("frontend, checkout, payment".split(", ").sort().join(", "));
});

test("trace-service's refusal names the field", async () => {
  mockFetch({
    "GET /api/traces/api/services": json(200, { data: [], total: 0, limit: 0, offset: 0, errors: null }),
    "GET /api/traces/api/v1/traces": problem(400, "One or more validation errors occurred.", undefined, { errors: { minDuration: ["'fast' is not a duration"] } }),
  });
  renderScreen(<TraceSearchPage />, { path: "/traces?minDuration=fast" });
  expect(await screen.findByRole("alert")).toHaveTextContent("minDuration: 'fast' is not a duration");
});

function BackButton() {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => void navigate(-1)}>
      History back
    </button>
  );
}

test("the form's fields follow the URL: Back after a search shows the previous search's values", async () => {
  backend();
  renderScreen(
    <>
      <TraceSearchPage />
      <BackButton />
    </>,
    { path: "/traces?service=frontend&tags=env%3Dprod&minDuration=100ms" },
  );
  const tags = screen.getByLabelText("Tags");
  expect(tags).toHaveValue("env=prod");
  await waitFor(() => expect(screen.getByLabelText("Service")).toHaveValue("frontend"));

  await userEvent.selectOptions(screen.getByLabelText("Service"), await screen.findByRole("option", { name: "payment" }));
  await userEvent.clear(tags);
  await userEvent.type(tags, "http.status_code=500");
  await userEvent.clear(screen.getByLabelText("Min duration"));
  await userEvent.type(screen.getByLabelText("Max duration"), "2s");
  await userEvent.click(screen.getByRole("button", { name: "Find traces" }));
  expect(currentUrl().searchParams.get("tags")).toBe("http.status_code=500");
  expect(currentUrl().searchParams.get("minDuration")).toBeNull();

  await userEvent.click(screen.getByRole("button", { name: "History back" }));
  expect(currentUrl().searchParams.get("tags")).toBe("env=prod");
  expect(screen.getByLabelText("Tags")).toHaveValue("env=prod");
  expect(screen.getByLabelText("Service")).toHaveValue("frontend");
  expect(screen.getByLabelText("Min duration")).toHaveValue("100ms");
  expect(screen.getByLabelText("Max duration")).toHaveValue("");

  // Typing without running keeps the draft until the URL changes again.
  await userEvent.type(screen.getByLabelText("Max duration"), "9s");
  expect(screen.getByLabelText("Max duration")).toHaveValue("9s");
  expect(currentUrl().searchParams.get("maxDuration")).toBeNull();
});

test("the scatter is reachable by keyboard: arrows move a highlighted point, announced politely, Enter opens its trace", async () => {
  backend();
  renderScreen(<TraceSearchPage />, { path: "/traces" });
  const chart = await screen.findByRole("application", { name: /^Trace durations: arrow keys move between traces/ });
  const live = document.getElementById("trace-scatter-point")!;
  expect(live).toHaveAttribute("aria-live", "polite");
  expect(live).toHaveTextContent("");

  chart.focus();
  await userEvent.keyboard("{ArrowRight}");
  expect(live).toHaveTextContent(/^Trace 1 of 3: frontend GET \/checkout, 120ms/);
  expect(chart.querySelector(".trace-scatter-focus")).not.toBeNull();
  await userEvent.keyboard("{ArrowUp}");
  expect(live).toHaveTextContent(/^Trace 3 of 3: frontend GET \/cart, 260ms, 2 errors/);
  await userEvent.keyboard("{ArrowUp}");
  expect(live).toHaveTextContent(/^Trace 2 of 3: .*2\.4s/);
  await userEvent.keyboard("{Escape}");
  expect(chart.querySelector(".trace-scatter-focus")).toBeNull();
  await userEvent.keyboard("{End}");
  expect(live).toHaveTextContent(/^Trace 3 of 3/);

  const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => v.id)).toEqual([]);

  await userEvent.keyboard("{Enter}");
  expect(currentUrl().pathname).toBe("/traces/ccc3");
});
