using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>Dashboard ids: URL- and state-key-safe, random for new dashboards (64 bits), readable for seeded ones.</summary>
public static partial class DashboardIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static bool IsValid(string? id) => id is not null && Id().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
