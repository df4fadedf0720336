import { ApiError } from "./ApiError";
import { apiFetch, getJson, sendJson } from "./client";

export type Role = "viewer" | "editor" | "admin";

/** GET /api/session's answer. */
export interface Session {
  name: string;
  role: Role;
  permissions: string[];
  methods: string[];
}

/** Who is signed in, or who is not (with the sign-in methods on offer, from the 401's body). */
export type SessionState = { signedIn: true; session: Session } | { signedIn: false; methods: string[] };

export const sessionKey = ["session"] as const;

export async function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    const session = await getJson<Session>("/api/session", { signal, unauthorizedIsAnswer: true });
    return { signedIn: true, session };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { signedIn: false, methods: methodsOf(error.body) };
    throw error;
  }
}

function methodsOf(body: unknown): string[] {
  const methods = body && typeof body === "object" ? (body as { methods?: unknown }).methods : undefined;
  return Array.isArray(methods) ? methods.filter((m): m is string => typeof m === "string") : ["local"];
}

export function login(username: string, password: string): Promise<Session> {
  return sendJson<Session>("POST", "/api/session/login", { username, password }, { unauthorizedIsAnswer: true });
}

export async function logout(): Promise<void> {
  await apiFetch("/api/session/logout", { method: "POST" }, { unauthorizedIsAnswer: true });
}

const roleRank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(session: Session, role: Role): boolean {
  return (roleRank[session.role] ?? -1) >= roleRank[role];
}

export function isAdmin(session: Session): boolean {
  return session.permissions.includes("admin") || session.role === "admin";
}
