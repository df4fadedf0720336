using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Auth;

namespace AirisEpm.Console.Tests.Auth;

public sealed class RolesTests
{
    [Fact]
    public void Viewers_read_everything_editors_also_write_alerts_admins_hold_all()
    {
        Assert.Equal([Permissions.MetricsRead, Permissions.LogsRead, Permissions.TracesRead, Permissions.AlertsRead], ConsoleRoles.PermissionsOf(ConsoleRoles.Viewer));
        Assert.Equal([.. ConsoleRoles.PermissionsOf(ConsoleRoles.Viewer), Permissions.AlertsWrite], ConsoleRoles.PermissionsOf(ConsoleRoles.Editor));
        Assert.Equal(Permissions.All, ConsoleRoles.PermissionsOf(ConsoleRoles.Admin));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsoleRoles.PermissionsOf("owner"));
    }

    [Theory]
    [InlineData(new[] { "staff", "airis-editors" }, "viewer", "editor")]
    [InlineData(new[] { "Viewer", "ADMIN" }, "viewer", "admin")]
    [InlineData(new[] { "staff" }, "viewer", "viewer")]
    [InlineData(new[] { "staff" }, "", null)]
    [InlineData(new string[0], "nonsense", null)]
    public void The_highest_claimed_or_mapped_role_wins_else_the_default(string[] values, string defaultRole, string? expected)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["airis-editors"] = "editor" };
        Assert.Equal(expected, OidcRoles.Resolve(values, map, defaultRole));
    }
}
