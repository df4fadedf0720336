import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { admin, currentUrl, renderApp } from "../../test/render";
import { safeReturnUrl } from "./safeReturnUrl";

const signedOut = (methods = ["local"]) => problem(401, "Not signed in", undefined, { methods });

test("an unknown visitor is sent to sign-in and, once signed in, back where they were going", async () => {
  let signedIn = false;
  const { callsTo } = mockFetch({
    "GET /api/session": () => (signedIn ? json(200, admin) : signedOut()),
    "POST /api/session/login": () => {
      signedIn = true;
      return json(200, admin);
    },
  });
  renderApp("/logs?x=1");

  await userEvent.type(await screen.findByLabelText("Username"), "ada");
  await userEvent.type(screen.getByLabelText("Password"), "s3cret!");
  expect(currentUrl().searchParams.get("returnUrl")).toBe("/logs?x=1");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

  expect(await screen.findByRole("heading", { name: "Logs" })).toBeInTheDocument();
  expect(currentUrl().pathname).toBe("/logs");
  expect(JSON.parse(callsTo("POST /api/session/login")[0]!.body!)).toEqual({ username: "ada", password: "s3cret!" });
});

test("a wrong password shows the console's message and stays on the form", async () => {
  mockFetch({ "GET /api/session": signedOut(), "POST /api/session/login": problem(401, "Sign-in failed", "invalid username or password") });
  renderApp("/signin");

  await userEvent.type(await screen.findByLabelText("Username"), "ada");
  await userEvent.type(screen.getByLabelText("Password"), "nope");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

  expect(await screen.findByRole("alert")).toHaveTextContent("invalid username or password");
  expect(currentUrl().pathname).toBe("/signin");
});

test("throttling says when to try again", async () => {
  mockFetch({ "GET /api/session": signedOut(), "POST /api/session/login": problem(429, "Too many requests", "Too many failed sign-ins.", {}) });
  renderApp("/signin");
  await userEvent.type(await screen.findByLabelText("Username"), "ada");
  await userEvent.type(screen.getByLabelText("Password"), "x");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Too many sign-in attempts");
});

test("Retry-After is shown in seconds", async () => {
  mockFetch({
    "GET /api/session": signedOut(),
    "POST /api/session/login": new Response(JSON.stringify({ title: "Too many requests" }), { status: 429, headers: { "Retry-After": "42" } }),
  });
  renderApp("/signin");
  await userEvent.type(await screen.findByLabelText("Username"), "ada");
  await userEvent.type(screen.getByLabelText("Password"), "x");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Try again in 42 s.");
});

test("single sign-on is offered only when the console has it configured", async () => {
  mockFetch({ "GET /api/session": signedOut(["local", "oidc"]) });
  renderApp("/signin?returnUrl=%2Fdashboards");
  const link = await screen.findByRole("link", { name: "Sign in with single sign-on" });
  expect(link).toHaveAttribute("href", "/api/session/oidc?returnUrl=%2Fdashboards");
});

test("someone already signed in skips the form", async () => {
  mockFetch({ "GET /api/session": json(200, admin) });
  renderApp("/signin?returnUrl=%2Fservice-map");
  expect(await screen.findByRole("heading", { name: "Service map" })).toBeInTheDocument();
});

test("returnUrl never leaves the site", () => {
  expect(safeReturnUrl("/explore/metrics?q=up")).toBe("/explore/metrics?q=up");
  expect(safeReturnUrl("//evil.example/x")).toBe("/");
  expect(safeReturnUrl("https://evil.example")).toBe("/");
  expect(safeReturnUrl("/\\evil.example")).toBe("/");
  expect(safeReturnUrl(null)).toBe("/");
  expect(safeReturnUrl("/signin?returnUrl=/x")).toBe("/");
});

test("the sign-in page says so when the console cannot be reached", async () => {
  mockFetch({ "GET /api/session": problem(503, "Service unavailable", "The state store did not answer.") });
  renderApp("/signin");
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("The state store did not answer."), { timeout: 15_000 });
});
