/** RFC 9457 ProblemDetails as ASP.NET Core writes it (validation problems carry `errors`). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/**
 * A failed call, with a message a person can read: the ProblemDetails title and detail, a Prometheus-style
 * `{status:"error", error}` text, or the status line when the body says nothing.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field → messages, from a validation problem. */
  readonly fieldErrors: Record<string, string[]>;
  /** Seconds, from Retry-After on 429/503. */
  readonly retryAfter: number | undefined;
  /** The parsed JSON body, for answers that carry more than a message (the 401 of GET /api/session lists sign-in methods). */
  readonly body: unknown;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    fieldErrors?: Record<string, string[]> | undefined;
    retryAfter?: number | undefined;
    body?: unknown;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfter = init.retryAfter;
    this.body = init.body;
  }
}

const statusTitles: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  422: "Cannot process the request",
  429: "Too many requests",
  500: "Server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

function titleOf(status: number, statusText: string): string {
  return statusTitles[status] ?? (statusText || `HTTP ${status}`);
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Reads an error response's body, whatever its shape, into an {@link ApiError}. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get("Retry-After");
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  const fallbackTitle = titleOf(response.status, response.statusText);
  let text = "";
  try {
    text = await response.text();
  } catch {
    // A body that cannot be read leaves the status line as the message.
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    // Prometheus and Alertmanager: {"status":"error","errorType":"bad_data","error":"..."}
    const promError = asString(record.error);
    if (record.status === "error" && promError) {
      return new ApiError({ status: response.status, title: fallbackTitle, detail: promError, retryAfter, body });
    }
    const problem = record as ProblemDetails;
    const fieldErrors = problem.errors && typeof problem.errors === "object" ? problem.errors : undefined;
    const fieldText = fieldErrors
      ? Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${(messages ?? []).join(" ")}`).join("; ")
      : undefined;
    const title = asString(problem.title) ?? fallbackTitle;
    const detail = asString(problem.detail) ?? asString(problem.message) ?? fieldText;
    return new ApiError({ status: response.status, title, detail, fieldErrors, retryAfter, body });
  }
  const plain = text.trim();
  const isHtml = plain.startsWith("<");
  return new ApiError({
    status: response.status,
    title: fallbackTitle,
    detail: plain && !isHtml ? plain.slice(0, 500) : undefined,
    retryAfter,
  });
}

/** A readable line for any thrown value: API errors, network failures, bugs. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return `The console did not answer (${error.message}). Check your connection.`;
  if (error instanceof Error) return error.message;
  return String(error);
}
