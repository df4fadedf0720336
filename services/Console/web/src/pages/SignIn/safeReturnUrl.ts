/** Only a path on this site: "//evil.example" and "https://…" would send the person elsewhere after signing in. */
export function safeReturnUrl(value: string | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/signin")) return "/";
  return value;
}
