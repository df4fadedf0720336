import { vi } from "vitest";

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

export function problem(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { type: "about:blank", title, status, detail, ...extra });
}

/**
 * Replaces fetch with a router over "METHOD /path" keys (the query string is ignored in the key; handlers read
 * call.url). An unmatched call fails the test with its address, so a screen cannot silently call something new.
 */
export function mockFetch(routes: Record<string, Handler | Response>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, "http://console.test");
    const call: RecordedCall = {
      method: (init.method ?? "GET").toUpperCase(),
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : undefined,
    };
    calls.push(call);
    const key = `${call.method} ${url.pathname}`;
    const route = routes[key] ?? Object.entries(routes).find(([pattern]) => matches(pattern, key))?.[1];
    if (!route) throw new Error(`unexpected fetch: ${key}${url.search}`);
    return typeof route === "function" ? (await route(call)).clone() : route.clone();
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock, callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.url.pathname}` === key || matches(key, `${c.method} ${c.url.pathname}`)) };
}

/** "GET /api/dashboards/*" matches one path segment per "*", "**" any rest. */
function matches(pattern: string, key: string): boolean {
  if (!pattern.includes("*")) return false;
  const regex = new RegExp(
    "^" + pattern.split("**").map((part) => part.split("*").map(escape).join("[^/]*")).join(".*") + "$",
  );
  return regex.test(key);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
