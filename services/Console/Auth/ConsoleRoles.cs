using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// The console's three roles and the service permissions each grants: a viewer reads everything (every <c>:read</c>),
/// an editor may also change alerting (<c>alerts:write</c>: silences, rules, incidents), an admin holds every permission,
/// <c>admin</c> included (users, the Dapr screen).
/// </summary>
public static class ConsoleRoles
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Editor, Admin];

    private static readonly IReadOnlyList<string> Reads = [.. Permissions.All.Where(p => p.EndsWith(":read", StringComparison.Ordinal))];

    public static bool IsRole(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    public static IReadOnlyList<string> PermissionsOf(string role) => role switch
    {
        Viewer => Reads,
        Editor => [.. Reads, Permissions.AlertsWrite],
        Admin => Permissions.All,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, $"'{role}' is not a console role ({string.Join(", ", All)})."),
    };

    /// <summary>Viewer 0, editor 1, admin 2: the highest of several claimed roles wins.</summary>
    public static int Rank(string role) => All.ToList().IndexOf(role);
}
