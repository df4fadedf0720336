namespace AirisEpm.WebConsole.Auth;

/// <summary>GET /api/session's answer: who is signed in, with which role and permissions, and the sign-in methods on offer.</summary>
public sealed record SessionView(string Name, string Role, IReadOnlyList<string> Permissions, IReadOnlyList<string> Methods);
