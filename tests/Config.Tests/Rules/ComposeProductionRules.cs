using System.Text.RegularExpressions;
using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// docker-compose.yml runs as production does: every app in Production mode; only the app ports, the
/// producer ports an app's environment declares (<see cref="ProducerPortVariables"/>) and mailpit's web inbox
/// published (no sidecar API, store or broker); APP_API_TOKEN and DAPR_API_TOKEN given to every app
/// and its sidecar, and every other credential-like variable, as required interpolations (<c>${VAR:?why}</c>)
/// from the gitignored .env, each listed in .env.example.
/// </summary>
public static partial class ComposeProductionRules
{
    public const string Environment = "Production";
    public const string EnvFile = ".env";
    public const string EnvExample = ".env.example";
    public const int MailInboxPort = 8025;

    public static readonly IReadOnlyList<string> Tokens = ["APP_API_TOKEN", "DAPR_API_TOKEN"];

    /// <summary>Ports where producers connect to an app directly: OTLP/gRPC and syslog over TCP.</summary>
    public static readonly IReadOnlyList<string> ProducerPortVariables = ["Otlp__GrpcPort", "Logs__Syslog__Port"];

    public static IEnumerable<Finding> Check(ComposeFile compose, RunFile run, Repo repo) =>
        run.Apps.Where(a => a.AppId is not null).SelectMany(app => CheckApp(compose, app))
            .Concat(CheckPorts(compose, run))
            .Concat(compose.Services.Values.SelectMany(service => CheckCredentials(compose, service)))
            .Concat(CheckEnvFile(compose, repo));

    private static IEnumerable<Finding> CheckApp(ComposeFile compose, RunApp app)
    {
        var file = compose.File.Path;
        if (compose.Service(app.AppId!) is { } service && service.Environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") != Environment)
        {
            yield return new(file, $"services.{app.AppId}.environment.ASPNETCORE_ENVIRONMENT", $"must be {Environment}");
        }

        foreach (var name in new[] { app.AppId!, app.AppId + ComposeFile.SidecarSuffix }.Where(n => compose.Service(n) is not null))
        {
            foreach (var token in Tokens)
            {
                if (RequiredVariable(compose.Service(name)!.Environment.GetValueOrDefault(token)) != token)
                {
                    yield return new(file, $"services.{name}.environment.{token}", $"must be ${{{token}:?...}}, the same variable for the app and its sidecar");
                }
            }
        }
    }

    private static IEnumerable<Finding> CheckPorts(ComposeFile compose, RunFile run)
    {
        foreach (var service in compose.Services.Values)
        {
            var allowed = AllowedPorts(service, run);
            foreach (var (entry, _) in service.PublishedPorts.Where(p => p.HostPort is not { } port || !allowed.Contains(port)))
            {
                yield return new(compose.File.Path, $"services.{service.Name}.ports",
                    $"publishes '{entry}'; only the app ports, their producer ports ({string.Join(", ", ProducerPortVariables)}) and mailpit's inbox ({MailInboxPort}) are published, sidecars, stores and brokers stay on the compose network");
            }
        }
    }

    private static HashSet<int> AllowedPorts(ComposeService service, RunFile run)
    {
        if (service.Name == "mailpit") return [MailInboxPort];
        if (run.Apps.FirstOrDefault(a => a.AppId == service.Name)?.AppPort is not { } appPort) return [];
        var ports = new HashSet<int> { appPort };
        foreach (var variable in ProducerPortVariables)
        {
            if (int.TryParse(service.Environment.GetValueOrDefault(variable), out var port)) ports.Add(port);
        }

        return ports;
    }

    private static IEnumerable<Finding> CheckCredentials(ComposeFile compose, ComposeService service)
    {
        foreach (var (name, value) in service.Environment.Where(e => SecretContract.IsSecretLikeName(e.Key) && RequiredVariable(e.Value) is null))
        {
            yield return new(compose.File.Path, $"services.{service.Name}.environment.{name}", $"'{value}' is inlined; use ${{VAR:?...}} from {EnvFile}");
        }
    }

    private static IEnumerable<Finding> CheckEnvFile(ComposeFile compose, Repo repo)
    {
        if (!repo.IsGitIgnored(EnvFile))
        {
            yield return new(".gitignore", EnvFile, "must be ignored: it holds the compose secrets");
        }

        var example = repo.FileExists(EnvExample) ? repo.Read(EnvExample).Text : "";
        var listed = example.Split('\n').Select(line => line.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        foreach (var variable in Variable().Matches(compose.File.Text).Select(m => m.Groups[1].Value).Distinct())
        {
            if (!listed.TryGetValue(variable, out var placeholder) || placeholder.Length > 0)
            {
                yield return new(EnvExample, variable, "must list every variable docker-compose.yml interpolates, with no value (compose then refuses to start)");
            }
        }
    }

    /// <summary>The variable of a required interpolation "${NAME:?message}", or null for anything else.</summary>
    public static string? RequiredVariable(string? value) =>
        value is not null && RequiredInterpolation().Match(value) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^\$\{([A-Za-z_][A-Za-z0-9_]*):\?[^}]+\}$")]
    private static partial Regex RequiredInterpolation();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
