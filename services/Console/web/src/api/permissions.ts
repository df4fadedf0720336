import type { Session } from "./session";

/** Whether the signed-in person holds a permission (as GET /api/session lists them); admin holds every one. */
export function hasPermission(session: Session, permission: string): boolean {
  return session.permissions.includes(permission) || session.permissions.includes("admin");
}

export const canWriteAlerts = (session: Session) => hasPermission(session, "alerts:write");
