namespace AirisEpm.WebConsole.Auth;

/// <summary>The console role of a person signed in through OpenID Connect, from the values of the role claim.</summary>
public static class OidcRoles
{
    /// <summary>
    /// Each value names a role (case-insensitively) or is mapped to one by <paramref name="map"/>; the highest wins. With
    /// none, <paramref name="defaultRole"/> (empty: null, the person is refused).
    /// </summary>
    public static string? Resolve(IEnumerable<string> values, IReadOnlyDictionary<string, string> map, string defaultRole)
    {
        var roles = values
            .Select(v => map.TryGetValue(v, out var mapped) ? mapped : v)
            .Select(v => v.ToLowerInvariant())
            .Where(ConsoleRoles.IsRole)
            .ToList();
        if (roles.Count > 0) return roles.MaxBy(ConsoleRoles.Rank);
        return ConsoleRoles.IsRole(defaultRole) ? defaultRole : null;
    }
}
