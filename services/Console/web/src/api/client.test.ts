import { json, mockFetch, problem } from "../test/fetchMock";
import { ApiError } from "./ApiError";
import { getJson, queryString, sendJson, setUnauthorizedHandler } from "./client";
import { readXsrfToken } from "./xsrf";

afterEach(() => {
  document.cookie = "XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

test("changes carry the antiforgery token from the XSRF-TOKEN cookie; reads do not need it", async () => {
  document.cookie = "other=1";
  document.cookie = "XSRF-TOKEN=tok%2Fen";
  const { calls } = mockFetch({ "POST /api/dashboards": json(200, { id: "d1" }), "GET /api/dashboards": json(200, []) });

  await sendJson("POST", "/api/dashboards", { title: "t" });
  await getJson("/api/dashboards");

  expect(calls[0]!.headers.get("X-XSRF-TOKEN")).toBe("tok/en");
  expect(calls[0]!.headers.get("Content-Type")).toBe("application/json");
  expect(calls[0]!.body).toBe('{"title":"t"}');
  expect(calls[1]!.headers.has("X-XSRF-TOKEN")).toBe(false);
});

test("readXsrfToken finds the cookie among others and is undefined without it", () => {
  expect(readXsrfToken("a=1; XSRF-TOKEN=abc; b=2")).toBe("abc");
  expect(readXsrfToken("a=1")).toBeUndefined();
});

test("a 401 ends the session through the shell's handler, unless the caller expects it", async () => {
  const ended = vi.fn();
  setUnauthorizedHandler(ended);
  mockFetch({ "GET /api/apps": problem(401, "Unauthorized"), "GET /api/session": problem(401, "Unauthorized") });

  await expect(getJson("/api/apps")).rejects.toBeInstanceOf(ApiError);
  expect(ended).toHaveBeenCalledTimes(1);
  await expect(getJson("/api/session", { unauthorizedIsAnswer: true })).rejects.toMatchObject({ status: 401 });
  expect(ended).toHaveBeenCalledTimes(1);
});

test("an error answer is thrown as ApiError with the problem's text", async () => {
  mockFetch({ "PUT /api/dashboards/d1": problem(409, "Version conflict", "The dashboard is at version 4, not 3.") });
  await expect(sendJson("PUT", "/api/dashboards/d1", {})).rejects.toThrow("Version conflict: The dashboard is at version 4, not 3.");
});

test("204 and empty bodies are undefined; a non-JSON 200 is a readable error", async () => {
  mockFetch({
    "POST /api/session/logout": new Response(null, { status: 204 }),
    "GET /api/odd": new Response("<html>", { status: 200 }),
  });
  await expect(sendJson("POST", "/api/session/logout")).resolves.toBeUndefined();
  await expect(getJson("/api/odd")).rejects.toThrow(/did not answer JSON/);
});

test("queryString repeats array keys and skips undefined", () => {
  expect(queryString({ "match[]": ["up", "x{a=\"b\"}"], start: 1, end: undefined })).toBe("?match%5B%5D=up&match%5B%5D=x%7Ba%3D%22b%22%7D&start=1");
  expect(queryString({})).toBe("");
});
