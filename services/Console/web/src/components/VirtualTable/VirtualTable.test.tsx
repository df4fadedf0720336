import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { visibleWindow } from "./visibleWindow";
import { VirtualTable, type Column } from "./VirtualTable";

interface Row {
  name: string;
  value: number;
}

const rows: Row[] = Array.from({ length: 100_000 }, (_, i) => ({ name: `series-${i}`, value: (i * 7919) % 1000 }));
const columns: Column<Row>[] = [
  { key: "name", header: "Series", render: (r) => r.name, sortValue: (r) => r.name },
  { key: "value", header: "Value", render: (r) => r.value, sortValue: (r) => r.value },
];

function renderTable(data: Row[] = rows) {
  return render(<VirtualTable caption="Results" rows={data} columns={columns} rowKey={(r) => r.name} rowHeight={20} height={220} />);
}

test("renders only the rows in view out of 100,000, and tells assistive technology how many there are", () => {
  renderTable();
  const table = screen.getByRole("table", { name: "Results" });
  expect(table).toHaveAttribute("aria-rowcount", "100001");
  const bodyRows = within(table).getAllByRole("row").filter((r) => r.getAttribute("aria-rowindex") !== "1");
  expect(bodyRows.length).toBeLessThan(30);
  expect(screen.getByText("series-0")).toBeInTheDocument();
  expect(screen.queryByText("series-500")).not.toBeInTheDocument();
});

test("scrolling brings the rows at that offset into the DOM", () => {
  renderTable();
  const viewport = screen.getByRole("region", { name: "Results" });
  viewport.scrollTop = 50_000 * 20;
  fireEvent.scroll(viewport);
  expect(screen.getByText("series-50000")).toBeInTheDocument();
  expect(screen.getByText("series-50000").closest("tr")).toHaveAttribute("aria-rowindex", "50002");
  expect(screen.queryByText("series-0")).not.toBeInTheDocument();
});

test("headers sort ascending, then descending, then back to the original order", async () => {
  renderTable(rows.slice(0, 5));
  const sortByValue = screen.getByRole("button", { name: /Value/ });
  await userEvent.click(sortByValue);
  expect(screen.getByRole("columnheader", { name: /Value/ })).toHaveAttribute("aria-sort", "ascending");
  const values = () => screen.getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[1]!.textContent);
  expect(values()).toEqual(["0", "676", "757", "838", "919"]);
  await userEvent.click(sortByValue);
  expect(values()).toEqual(["919", "838", "757", "676", "0"]);
  await userEvent.click(sortByValue);
  expect(values()).toEqual(["0", "919", "838", "757", "676"]);
  expect(screen.getByRole("columnheader", { name: /Value/ })).not.toHaveAttribute("aria-sort");
});

test("the viewport is keyboard-focusable and an empty table says so", () => {
  renderTable([]);
  const viewport = screen.getByRole("region", { name: "Results" });
  viewport.focus();
  expect(viewport).toHaveFocus();
  expect(screen.getByText("No rows")).toBeInTheDocument();
});

test("visibleWindow keeps overscan rows and stays in bounds", () => {
  expect(visibleWindow(1000, 20, 200, 0, 5)).toEqual({ first: 0, last: 15 });
  expect(visibleWindow(1000, 20, 200, 2000, 5)).toEqual({ first: 95, last: 115 });
  expect(visibleWindow(10, 20, 200, 5000, 5)).toEqual({ first: 245, last: 244 });
  expect(visibleWindow(0, 20, 200, 0)).toEqual({ first: 0, last: -1 });
});
