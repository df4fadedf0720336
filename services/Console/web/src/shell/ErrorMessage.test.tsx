import { render, screen } from "@testing-library/react";
import { ApiError } from "../api/ApiError";
import { ErrorMessage } from "./ErrorMessage";

test("shows the problem's title, detail and field errors as an alert", () => {
  render(<ErrorMessage context="Saving failed" error={new ApiError({ status: 400, title: "Invalid dashboard", detail: "2 fields", fieldErrors: { title: ["must not be empty"] } })} />);
  const alert = screen.getByRole("alert");
  expect(alert).toHaveTextContent("Saving failed: Invalid dashboard");
  expect(alert).toHaveTextContent("2 fields");
  expect(alert).toHaveTextContent("title must not be empty");
});

test("any other error still reads as a sentence", () => {
  render(<ErrorMessage error={new TypeError("Failed to fetch")} />);
  expect(screen.getByRole("alert")).toHaveTextContent("Something went wrong");
  expect(screen.getByRole("alert")).toHaveTextContent("The console did not answer");
});
