import { ApiError, errorFromResponse, errorMessage } from "./ApiError";

describe("errorFromResponse", () => {
  test("a ProblemDetails answer reads as its title and detail", async () => {
    const error = await errorFromResponse(new Response(JSON.stringify({ title: "Dashboard not found", status: 404, detail: "No dashboard abc." }), { status: 404 }));
    expect(error.message).toBe("Dashboard not found: No dashboard abc.");
    expect(error.status).toBe(404);
  });

  test("a validation problem lists its fields", async () => {
    const body = { title: "One or more validation errors occurred.", status: 400, errors: { title: ["must not be empty"], "panels[0].grid.w": ["must be 1..24"] } };
    const error = await errorFromResponse(new Response(JSON.stringify(body), { status: 400 }));
    expect(error.fieldErrors["panels[0].grid.w"]).toEqual(["must be 1..24"]);
    expect(error.detail).toBe("title: must not be empty; panels[0].grid.w: must be 1..24");
  });

  test("a Prometheus error envelope reads as its error text", async () => {
    const body = { status: "error", errorType: "bad_data", error: '1:5: parse error: unexpected "}"' };
    const error = await errorFromResponse(new Response(JSON.stringify(body), { status: 400, statusText: "Bad Request" }));
    expect(error.title).toBe("Bad request");
    expect(error.detail).toBe('1:5: parse error: unexpected "}"');
  });

  test("plain text is the detail; an HTML error page is not shown", async () => {
    expect((await errorFromResponse(new Response("upstream timed out", { status: 504 }))).message).toBe("Gateway timeout: upstream timed out");
    expect((await errorFromResponse(new Response("<html><body>oops</body></html>", { status: 502 }))).message).toBe("Bad gateway");
  });

  test("Retry-After is kept in seconds", async () => {
    const error = await errorFromResponse(new Response("{}", { status: 429, headers: { "Retry-After": "30" } }));
    expect(error.retryAfter).toBe(30);
    expect(error.title).toBe("Too many requests");
  });

  test("an unknown status without a body still says something", async () => {
    expect((await errorFromResponse(new Response(null, { status: 418, statusText: "I'm a teapot" }))).message).toBe("I'm a teapot");
    expect((await errorFromResponse(new Response(null, { status: 599 }))).message).toBe("HTTP 599");
  });
});

test("errorMessage explains network failures and keeps other messages", () => {
  expect(errorMessage(new TypeError("Failed to fetch"))).toMatch(/did not answer \(Failed to fetch\)/);
  expect(errorMessage(new ApiError({ status: 403, title: "Forbidden" }))).toBe("Forbidden");
  expect(errorMessage("plain")).toBe("plain");
});
