import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { formatTimestamp } from "../../lib/timeRange";
import { currentUrl, LocationProbe } from "../../test/render";
import { RefreshPicker, refreshInterval } from "./RefreshPicker";
import { TimeRangePicker } from "./TimeRangePicker";
import { useUrlTimeRange } from "./useUrlTimeRange";

function Harness() {
  const { range, setRange, back, canGoBack } = useUrlTimeRange({ from: "now-1h", to: "now" });
  return <TimeRangePicker range={range} onChange={setRange} onBack={back} canGoBack={canGoBack} />;
}

function renderPicker(path = "/explore/metrics?q=up") {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Harness />
      <LocationProbe />
    </MemoryRouter>,
  );
}

test("a relative range is chosen from the list and written to the URL, keeping the other parameters", async () => {
  renderPicker();
  await userEvent.click(screen.getByRole("button", { name: "Time range: Last 1 hour" }));
  await userEvent.click(screen.getByRole("button", { name: "Last 7 days" }));
  expect(currentUrl().searchParams.get("from")).toBe("now-7d");
  expect(currentUrl().searchParams.get("to")).toBe("now");
  expect(currentUrl().searchParams.get("q")).toBe("up");
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Time range: Last 7 days" })).toHaveFocus();
});

test("the URL's range is what the picker shows", () => {
  renderPicker("/explore/metrics?from=now-6h&to=now");
  expect(screen.getByRole("button", { name: "Time range: Last 6 hours" })).toBeInTheDocument();
});

test("an absolute range takes local dates and is kept as epoch ms", async () => {
  renderPicker();
  await userEvent.click(screen.getByRole("button", { name: /Time range/ }));
  const from = screen.getByLabelText("From");
  const to = screen.getByLabelText("To");
  await userEvent.clear(from);
  await userEvent.type(from, "2024-05-01 10:00");
  await userEvent.clear(to);
  await userEvent.type(to, "2024-05-01 12:00");
  await userEvent.click(screen.getByRole("button", { name: "Apply range" }));
  expect(currentUrl().searchParams.get("from")).toBe(String(new Date(2024, 4, 1, 10).getTime()));
  expect(screen.getByRole("button", { name: /Time range/ })).toHaveTextContent(`${formatTimestamp(new Date(2024, 4, 1, 10).getTime())} to`);
});

test("an absolute range that does not make sense is refused with the reason", async () => {
  renderPicker();
  await userEvent.click(screen.getByRole("button", { name: /Time range/ }));
  await userEvent.clear(screen.getByLabelText("From"));
  await userEvent.type(screen.getByLabelText("From"), "now");
  await userEvent.clear(screen.getByLabelText("To"));
  await userEvent.type(screen.getByLabelText("To"), "now-1h");
  await userEvent.click(screen.getByRole("button", { name: "Apply range" }));
  expect(screen.getByRole("alert")).toHaveTextContent("The range ends before it starts");
  expect(currentUrl().searchParams.get("from")).toBeNull();
});

test("Back returns to the previous range, step by step", async () => {
  renderPicker();
  const back = screen.getByRole("button", { name: "Back" });
  expect(back).toBeDisabled();
  await userEvent.click(screen.getByRole("button", { name: /Time range/ }));
  await userEvent.click(screen.getByRole("button", { name: "Last 5 minutes" }));
  await userEvent.click(screen.getByRole("button", { name: /Time range/ }));
  await userEvent.click(screen.getByRole("button", { name: "Last 2 days" }));
  await userEvent.click(back);
  expect(currentUrl().searchParams.get("from")).toBe("now-5m");
  await userEvent.click(back);
  expect(currentUrl().searchParams.get("from")).toBe("now-1h");
  expect(back).toBeDisabled();
});

test("Zoom out doubles the range around its middle", async () => {
  renderPicker("/m?from=1000000000000&to=1000000600000");
  await userEvent.click(screen.getByRole("button", { name: "Zoom out" }));
  expect(currentUrl().searchParams.get("from")).toBe("999999700000");
  expect(currentUrl().searchParams.get("to")).toBe("1000000900000");
});

test("Escape closes the panel and the keyboard reaches every choice", async () => {
  renderPicker();
  screen.getByRole("button", { name: /Time range/ }).focus();
  await userEvent.keyboard("{Enter}");
  expect(screen.getByRole("dialog", { name: "Choose a time range" })).toBeInTheDocument();
  await userEvent.tab();
  expect(screen.getByRole("button", { name: "Last 5 minutes" })).toHaveFocus();
  await userEvent.keyboard("{Escape}");
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  expect(screen.getByRole("button", { name: /Time range/ })).toHaveFocus();
});

test("the refresh picker offers Grafana's intervals and keeps an unusual one", async () => {
  const onChange = vi.fn();
  const onRefresh = vi.fn();
  render(<RefreshPicker value="2m" onChange={onChange} onRefresh={onRefresh} />);
  expect(screen.getByLabelText("Auto refresh")).toHaveValue("2m");
  await userEvent.selectOptions(screen.getByLabelText("Auto refresh"), "");
  expect(onChange).toHaveBeenCalledWith(null);
  await userEvent.click(screen.getByRole("button", { name: "Refresh" }));
  expect(onRefresh).toHaveBeenCalled();
  expect(refreshInterval("30s")).toBe(30_000);
  expect(refreshInterval(null)).toBe(false);
  expect(refreshInterval("bogus")).toBe(false);
});
