/** The antiforgery cookie the console sets on GET /api/session and on sign-in (readable by script on purpose). */
export const xsrfCookie = "XSRF-TOKEN";
export const xsrfHeader = "X-XSRF-TOKEN";

export function readXsrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === xsrfCookie) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
