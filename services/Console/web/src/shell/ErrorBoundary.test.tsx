import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ErrorBoundary } from "./ErrorBoundary";

function Broken({ fail }: { fail: boolean }) {
  if (fail) throw new Error("the chart's data had no time axis");
  return <p>fine</p>;
}

test("a screen that throws shows the error, not a blank page, and can try again", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const { rerender } = render(<ErrorBoundary resetKey="/a"><Broken fail /></ErrorBoundary>);
  expect(screen.getByRole("alert")).toHaveTextContent("This screen failed: Something went wrong");
  expect(screen.getByRole("alert")).toHaveTextContent("the chart's data had no time axis");
  rerender(<ErrorBoundary resetKey="/a"><Broken fail={false} /></ErrorBoundary>);
  await userEvent.click(screen.getByRole("button", { name: "Try again" }));
  expect(screen.getByText("fine")).toBeInTheDocument();
});

test("going to another address clears the error", () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const { rerender } = render(<ErrorBoundary resetKey="/a"><Broken fail /></ErrorBoundary>);
  rerender(<ErrorBoundary resetKey="/b"><Broken fail={false} /></ErrorBoundary>);
  expect(screen.getByText("fine")).toBeInTheDocument();
});
