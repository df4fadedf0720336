import { ApiError, errorFromResponse } from "./ApiError";
import { readXsrfToken, xsrfHeader } from "./xsrf";

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The shell registers what a 401 means (the session ended: go to sign-in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** A 401 is an answer here (sign-in, the session probe), not the end of the session. */
  unauthorizedIsAnswer?: boolean;
  headers?: Record<string, string>;
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * fetch for the console's API: same-origin cookies, X-XSRF-TOKEN on every change, errors thrown as
 * {@link ApiError}, and a 401 handed to the shell. Returns the raw response for callers that stream.
 */
export async function apiFetch(path: string, init: RequestInit = {}, options: RequestOptions = {}): Promise<Response> {
  const method = (init.method ?? "GET").toUpperCase();
  const headers = new Headers(init.headers);
  headers.set("Accept", headers.get("Accept") ?? "application/json");
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  if (unsafeMethods.has(method)) {
    const token = readXsrfToken();
    if (token) headers.set(xsrfHeader, token);
  }
  const response = await fetch(path, { ...init, method, headers, credentials: "same-origin", signal: options.signal ?? init.signal ?? null });
  if (response.ok) return response;
  const error = await errorFromResponse(response);
  if (response.status === 401 && !options.unauthorizedIsAnswer) onUnauthorized();
  throw error;
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ status: response.status, title: "Unreadable answer", detail: `${response.url || "the API"} did not answer JSON.` });
  }
}

export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await apiFetch(path, {}, options));
}

export async function sendJson<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { "Content-Type": "application/json" };
  }
  return readJson<T>(await apiFetch(path, init, options));
}

/** A query string from pairs, repeating keys for arrays (Prometheus's `match[]`). */
export function queryString(params: Record<string, string | number | readonly string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, item);
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
