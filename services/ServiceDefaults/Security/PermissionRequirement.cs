using Microsoft.AspNetCore.Authorization;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>
/// Met when the user holds <see cref="Permission"/> or <c>admin</c>, or, when <see cref="OrSidecar"/>, when the
/// caller passed the sidecar scheme (<see cref="SidecarAuthentication"/>).
/// </summary>
public sealed class PermissionRequirement(string permission, bool orSidecar = false) : AuthorizationHandler<PermissionRequirement>, IAuthorizationRequirement
{
    public string Permission { get; } = permission;

    public bool OrSidecar { get; } = orSidecar;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (HasPermission(context.User, requirement.Permission)
            || (requirement.OrSidecar && context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == SidecarAuthentication.SchemeName)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static bool HasPermission(System.Security.Claims.ClaimsPrincipal user, string permission)
    {
        foreach (var claim in user.Claims)
        {
            var granted = claim.Type switch
            {
                Permissions.ClaimType => [claim.Value],
                "scope" or "scp" => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                _ => Array.Empty<string>(),
            };
            if (granted.Contains(permission) || granted.Contains(Permissions.Admin))
            {
                return true;
            }
        }

        return false;
    }
}
