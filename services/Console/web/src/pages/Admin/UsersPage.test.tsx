import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, mockFetch, problem } from "../../test/fetchMock";
import { admin, renderScreen, viewer } from "../../test/render";
import { UsersPage } from "./UsersPage";

const accounts = [
  { name: "ada", role: "admin", created: "2024-05-01T10:00:00Z", updated: "2024-05-01T10:00:00Z" },
  { name: "vera", role: "viewer", created: "2024-05-01T10:00:00Z", updated: "2024-05-01T10:00:00Z" },
];

test("lists the accounts and creates one", async () => {
  const { callsTo } = mockFetch({ "GET /api/users": json(200, accounts), "POST /api/users": json(201, accounts[1]) });
  renderScreen(<UsersPage />, { session: admin });
  const table = await screen.findByRole("table", { name: "Accounts" });
  expect(within(table).getByRole("rowheader", { name: /^ada/ })).toHaveTextContent("ada (you)");
  const form = screen.getByRole("form", { name: "New account" });
  await userEvent.type(within(form).getByLabelText("Name"), "eddie");
  await userEvent.selectOptions(within(form).getByLabelText("Role"), "editor");
  await userEvent.type(within(form).getByLabelText(/Password/), "correct horse battery");
  await userEvent.click(within(form).getByRole("button", { name: "Create account" }));
  await waitFor(() => expect(callsTo("POST /api/users")).toHaveLength(1));
  expect(JSON.parse(callsTo("POST /api/users")[0]!.body!)).toEqual({ name: "eddie", role: "editor", password: "correct horse battery" });
});

test("changing a role and a password are PUTs; the last admin's refusal is shown", async () => {
  const { callsTo } = mockFetch({
    "GET /api/users": json(200, accounts),
    "PUT /api/users/vera": json(200, { ...accounts[1], role: "editor" }),
    "PUT /api/users/ada": problem(409, "The last admin", "'ada' is the only admin and cannot be demoted; make another admin first."),
  });
  renderScreen(<UsersPage />, { session: admin });
  await userEvent.selectOptions(await screen.findByLabelText("Role of vera"), "editor");
  await waitFor(() => expect(JSON.parse(callsTo("PUT /api/users/vera")[0]!.body!)).toEqual({ role: "editor" }));
  await userEvent.type(screen.getByLabelText("New password for vera"), "a much longer one");
  await userEvent.click(within(screen.getByLabelText("New password for vera").closest("tr")!).getByRole("button", { name: "Set password" }));
  await waitFor(() => expect(JSON.parse(callsTo("PUT /api/users/vera")[1]!.body!)).toEqual({ password: "a much longer one" }));

  await userEvent.selectOptions(screen.getByLabelText("Role of ada"), "viewer");
  expect(await screen.findByRole("alert")).toHaveTextContent("'ada' is the only admin and cannot be demoted");
});

test("deleting asks first", async () => {
  const { callsTo } = mockFetch({ "GET /api/users": json(200, accounts), "DELETE /api/users/vera": new Response(null, { status: 204 }) });
  renderScreen(<UsersPage />, { session: admin });
  await userEvent.click(await screen.findByRole("button", { name: "Delete vera" }));
  expect(callsTo("DELETE /api/users/vera")).toHaveLength(0);
  await userEvent.click(screen.getByRole("button", { name: "Confirm deleting vera" }));
  await waitFor(() => expect(callsTo("DELETE /api/users/vera")).toHaveLength(1));
});

test("someone who is not an admin is told so and nothing is fetched", () => {
  const { calls } = mockFetch({});
  renderScreen(<UsersPage />, { session: viewer });
  expect(screen.getByText("Managing accounts needs the admin role.")).toBeInTheDocument();
  expect(calls).toHaveLength(0);
});
