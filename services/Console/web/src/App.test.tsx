import { render, screen } from "@testing-library/react";
import { App } from "./App";

test("renders the console's heading", () => {
  render(<App />);
  expect(screen.getByRole("heading", { name: "AIRIS EPM" })).toBeInTheDocument();
});
