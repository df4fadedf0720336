using System.Security.Claims;
using AirisEpm.ServiceDefaults.Dapr;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// ES256 JWT bearer for people and services (audience: this app's id; keys from
    /// <see cref="KeySetConfigurationManager"/>; valid tokens remembered until their expiry by
    /// <see cref="CachingTokenHandler"/>), a policy per permission, and the sidecar policy.
    /// </summary>
    public static IHostApplicationBuilder AddAirisAuthentication(this IHostApplicationBuilder builder, string appId)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<DaprSecrets>();
        services.AddSingleton<AuthKeySource>();
        services.AddSingleton<KeySetConfigurationManager>();
        services.AddSingleton(provider =>
        {
            var keySet = provider.GetRequiredService<KeySetConfigurationManager>();
            return new CachingTokenHandler(provider.GetRequiredService<TimeProvider>(), () => keySet.CurrentKeySet) { MapInboundClaims = false };
        });

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, SidecarAuthentication>(SidecarAuthentication.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, KeySetConfigurationManager, CachingTokenHandler>((jwt, auth, keySet, tokens) =>
            {
                jwt.MapInboundClaims = false;
                jwt.ConfigurationManager = keySet;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(tokens);
                jwt.Events ??= new JwtBearerEvents();
                jwt.Events.OnMessageReceived = context => RememberedTokenAsync(context, tokens);
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = appId,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        services.AddSingleton<IAuthorizationHandler, AllowAllWhenAuthDisabled>();
        services.AddAuthorizationBuilder().AddPermissionPolicies().AddPolicy(Permissions.SidecarPolicy, policy => policy
            .AddAuthenticationSchemes(SidecarAuthentication.SchemeName)
            .RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>
    /// A bearer token validated before and still valid authenticates at once: the handler would otherwise copy its
    /// validation parameters for every request before finding the token in <see cref="CachingTokenHandler"/>'s cache.
    /// </summary>
    private static Task RememberedTokenAsync(MessageReceivedContext context, CachingTokenHandler tokens)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && tokens.Remembered(header[BearerPrefix.Length..].Trim()) is { } identity)
        {
            context.Principal = new ClaimsPrincipal(identity);
            context.Success();
        }

        return Task.CompletedTask;
    }

    private const string BearerPrefix = "Bearer ";

    /// <summary>Lets this service mint tokens for the services it calls on its own behalf, as <paramref name="appId"/>.</summary>
    public static IServiceCollection AddServiceTokenIssuer(this IServiceCollection services, string appId) =>
        services.AddSingleton(provider => new ServiceTokenIssuer(
            provider.GetRequiredService<AuthKeySource>(), provider.GetRequiredService<IOptions<AuthOptions>>(),
            provider.GetRequiredService<TimeProvider>(), appId));

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

    /// <summary>Marks an endpoint as called only by this app's Dapr sidecar (subscriptions, bindings, actors, /dapr/*).</summary>
    public static TBuilder RequireSidecar<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Permissions.SidecarPolicy);

    /// <summary>
    /// Marks an endpoint that a person or service with <paramref name="permission"/> may call, and so may this
    /// host's Dapr sidecars: for producers that cannot send a bearer token (daprd's Zipkin exporter). Outside
    /// Development that means a valid <c>dapr-api-token</c>; in Development without APP_API_TOKEN, a loopback caller.
    /// </summary>
    public static TBuilder RequirePermissionOrSidecar<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, SidecarAuthentication.SchemeName)
            .AddRequirements(new PermissionRequirement(permission, orSidecar: true)));

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
