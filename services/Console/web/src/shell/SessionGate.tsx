import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { fetchSession, sessionKey } from "../api/session";
import { ErrorMessage } from "./ErrorMessage";
import { SessionContext } from "./SessionContext";

/** Renders its children for a signed-in person; anyone else goes to sign-in, and comes back here afterwards. */
export function SessionGate({ children }: { children: ReactNode }) {
  const location = useLocation();
  const state = useQuery({ queryKey: sessionKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 60_000 });

  if (state.isPending) return <p className="loading">Loading…</p>;
  if (state.isError) return <main className="page"><ErrorMessage error={state.error} context="Could not reach the console" /></main>;
  if (!state.data.signedIn) {
    const returnUrl = location.pathname + location.search + location.hash;
    const target = returnUrl === "/" ? "/signin" : `/signin?returnUrl=${encodeURIComponent(returnUrl)}`;
    return <Navigate to={target} replace />;
  }
  return <SessionContext.Provider value={state.data.session}>{children}</SessionContext.Provider>;
}
