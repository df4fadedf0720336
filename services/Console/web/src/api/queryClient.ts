import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./ApiError";
import { setUnauthorizedHandler } from "./client";
import { sessionKey, type SessionState } from "./session";

/** Client errors are answers, not blips: only network failures and 5xx are retried, once. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 1;
}

/** One QueryClient per app (and per test); a 401 anywhere marks the session ended, which sends the shell to sign-in. */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
  setUnauthorizedHandler(() => {
    const previous = client.getQueryData<SessionState>(sessionKey);
    const methods = previous && !previous.signedIn ? previous.methods : previous?.session.methods ?? ["local"];
    const ended: SessionState = { signedIn: false, methods };
    client.setQueryData(sessionKey, ended);
  });
  return client;
}
