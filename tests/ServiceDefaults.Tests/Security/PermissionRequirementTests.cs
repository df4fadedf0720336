using System.Security.Claims;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.ServiceDefaults.Tests.Security;

public sealed class PermissionRequirementTests
{
    [Theory]
    [InlineData("permissions", "metrics:read", "metrics:read", true)]
    [InlineData("permissions", "metrics:write", "metrics:read", false)]
    [InlineData("permissions", "admin", "alerts:write", true)]
    [InlineData("scope", "logs:read metrics:read", "metrics:read", true)]
    [InlineData("scope", "logs:read  metrics:write", "metrics:read", false)]
    [InlineData("scp", "openid admin", "traces:write", true)]
    [InlineData("role", "metrics:read", "metrics:read", false)]
    [InlineData("permissions", "metrics:read metrics:write", "metrics:read", false)]
    public void A_permission_is_granted_by_its_claim_a_scope_or_admin(string claimType, string value, string permission, bool granted)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(claimType, value)], "test"));
        Assert.Equal(granted, PermissionRequirement.HasPermission(user, permission));
    }

    [Fact]
    public void An_anonymous_user_has_no_permission()
    {
        Assert.All(Permissions.All, p => Assert.False(PermissionRequirement.HasPermission(new ClaimsPrincipal(new ClaimsIdentity()), p)));
    }

    [Fact]
    public void Every_permission_is_its_own_policy_name_and_distinct()
    {
        Assert.Equal(Permissions.All.Count, Permissions.All.Distinct().Count());
        Assert.DoesNotContain(Permissions.SidecarPolicy, Permissions.All);
    }
}
