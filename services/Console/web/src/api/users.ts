import { getJson, sendJson } from "./client";
import type { Role } from "./session";

/** The console's local accounts (admin only); the API never shows a password hash. */
export interface Account {
  name: string;
  role: Role;
  created: string;
  updated: string;
}

export const usersKey = ["users"] as const;
export const minPasswordLength = 12;

export const listUsers = (signal?: AbortSignal) => getJson<Account[]>("/api/users", { signal });
export const createUser = (user: { name: string; role: Role; password: string }) => sendJson<Account>("POST", "/api/users", user);
export const updateUser = (name: string, change: { role?: Role; password?: string }) => sendJson<Account>("PUT", `/api/users/${encodeURIComponent(name)}`, change);
export const deleteUser = (name: string) => sendJson<void>("DELETE", `/api/users/${encodeURIComponent(name)}`);
