import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/ApiError";
import { fetchSession, login, sessionKey, type SessionState } from "../../api/session";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { ThemeSelect } from "../../shell/ThemeSelect";
import { safeReturnUrl } from "./safeReturnUrl";

function signInError(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : " Try again later.";
    return new ApiError({ status: 429, title: "Too many sign-in attempts", detail: (error.detail ? `${error.detail}` : "") + wait });
  }
  return error;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const returnUrl = safeReturnUrl(params.get("returnUrl"));
  const navigate = useNavigate();
  const client = useQueryClient();
  // GET /api/session also sets the antiforgery cookie the sign-in POST needs.
  const state = useQuery({ queryKey: sessionKey, queryFn: ({ signal }) => fetchSession(signal) });
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  const signIn = useMutation({
    mutationFn: () => login(username, password),
    onSuccess: (session) => {
      const signedIn: SessionState = { signedIn: true, session };
      client.setQueryData(sessionKey, signedIn);
      navigate(returnUrl, { replace: true });
    },
  });

  if (state.data?.signedIn && !signIn.isSuccess) return <Navigate to={returnUrl} replace />;
  const methods = state.data && !state.data.signedIn ? state.data.methods : ["local"];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <h1>Sign in to AIRIS EPM</h1>
        {state.isError && <ErrorMessage error={state.error} context="Could not reach the console" />}
        {methods.includes("local") && (
          <form onSubmit={submit} aria-label="Sign in">
            <label>
              Username
              <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
            </label>
            <label>
              Password
              <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            {signIn.isError && <ErrorMessage error={signInError(signIn.error)} />}
            <button type="submit" className="primary" disabled={signIn.isPending}>
              {signIn.isPending ? "Signing in…" : "Sign in"}
            </button>
          </form>
        )}
        {methods.includes("oidc") && (
          <a className="button" href={`/api/session/oidc?returnUrl=${encodeURIComponent(returnUrl)}`}>
            Sign in with single sign-on
          </a>
        )}
        <ThemeSelect />
      </div>
    </main>
  );
}
