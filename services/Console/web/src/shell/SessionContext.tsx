import { createContext, useContext } from "react";
import type { Session } from "../api/session";

export const SessionContext = createContext<Session | null>(null);

/** The signed-in person; only screens inside {@link SessionGate} use it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession is used outside the signed-in shell");
  return session;
}
