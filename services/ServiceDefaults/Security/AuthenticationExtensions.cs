using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer for users and tools, a policy per permission, and the sidecar policy: when
    /// APP_API_TOKEN is set, calls from Dapr must carry it in the dapr-api-token header.
    /// </summary>
    public static IHostApplicationBuilder AddAirisAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();

        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var appApiToken = builder.Configuration["APP_API_TOKEN"];

        var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        authentication.AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, current) =>
            {
                var options = current.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = options.SigningKey.Length > 0 ? TokenIssuer.SigningKey(options) : null,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        if (!string.IsNullOrEmpty(appApiToken))
        {
            authentication.AddDapr(o => o.Token = appApiToken);
        }

        services.AddSingleton<IAuthorizationHandler, AllowAllWhenAuthDisabled>();
        services.AddAuthorizationBuilder().AddPermissionPolicies().AddSidecarPolicy(appApiToken);
        return builder;
    }

    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var permission in Permissions.All)
        {
            authorization.AddPolicy(permission, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .AddRequirements(new PermissionRequirement(permission)));
        }

        return authorization;
    }

    private static AuthorizationBuilder AddSidecarPolicy(this AuthorizationBuilder authorization, string? appApiToken) =>
        string.IsNullOrEmpty(appApiToken)
            ? authorization.AddPolicy(Permissions.SidecarPolicy, policy => policy.RequireAssertion(_ => true))
            : authorization.AddPolicy(Permissions.SidecarPolicy, policy => policy
                .AddAuthenticationSchemes("Dapr")
                .RequireAuthenticatedUser());

    /// <summary>Marks an endpoint as called by the Dapr sidecar (subscriptions, bindings, actors).</summary>
    public static TBuilder RequireSidecar<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Permissions.SidecarPolicy);

    /// <summary>In Development with Auth:Enabled=false every permission is granted.</summary>
    private sealed class AllowAllWhenAuthDisabled(IOptions<AuthOptions> options) : AuthorizationHandler<PermissionRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
        {
            if (!options.Value.Enabled)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
