using System.Text.RegularExpressions;
using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Each service's Dockerfile: multi-stage (a .NET 10 SDK build stage, after any stage that builds other assets such as
/// the console's page, to an aspnet runtime), non-root, listening on and exposing the app port of dapr.yaml, with a
/// HEALTHCHECK on /healthz at that port.
/// </summary>
public static partial class DockerfileRules
{
    public static IEnumerable<Finding> Check(RunFile run, Repo repo) =>
        run.Apps.Where(app => app.AppDirPath is not null && app.AppPort is not null)
            .SelectMany(app => Check(repo, Repo.Combine(Repo.Combine(run.File.Folder, app.AppDirPath!), "Dockerfile"), app.AppPort!.Value)
                .Concat(CheckProjectsCopied(repo, Repo.Combine(run.File.Folder, app.AppDirPath!))));

    /// <summary>
    /// The build stage copies the service and every project it references (transitively), or the image
    /// build fails on the first new ProjectReference.
    /// </summary>
    public static IEnumerable<Finding> CheckProjectsCopied(Repo repo, string appDir)
    {
        var dockerfile = Repo.Combine(appDir, "Dockerfile");
        var projects = repo.List(appDir, "*.csproj");
        if (projects.Count == 0 || !repo.FileExists(dockerfile))
        {
            yield break;
        }

        var project = projects[0];

        var text = repo.Read(dockerfile).Text;
        foreach (var folder in ProjectFolders(repo, project, []).Where(f => !text.Contains($"COPY {f}/ {f}/", StringComparison.Ordinal)))
        {
            yield return new(dockerfile, "COPY", $"the build stage must copy {folder}/ (a referenced project)");
        }
    }

    private static HashSet<string> ProjectFolders(Repo repo, string project, HashSet<string> seen)
    {
        var folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
        if (!seen.Add(folder) || !repo.FileExists(project))
        {
            return seen;
        }

        foreach (Match reference in ProjectReference().Matches(repo.Read(project).Text))
        {
            ProjectFolders(repo, Repo.Combine(folder, reference.Groups[1].Value.Replace('\\', '/')), seen);
        }

        return seen;
    }

    public static IEnumerable<Finding> Check(Repo repo, string path, int port)
    {
        if (!repo.FileExists(path))
        {
            yield return new(path, "FROM", "missing Dockerfile");
            yield break;
        }

        var text = repo.Read(path).Text;
        var stages = From().Matches(text).Select(m => m.Groups[1].Value).ToList();
        if (stages.Count < 2 || !stages[..^1].Any(s => s.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", StringComparison.Ordinal))
            || !stages[^1].StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal))
        {
            yield return new(path, "FROM", "must build on dotnet/sdk:10.0 and run on dotnet/aspnet:10.0");
        }

        if (User().Match(text) is not { Success: true } user || user.Groups[1].Value is "root" or "0")
        {
            yield return new(path, "USER", "must run as a non-root user ($APP_UID)");
        }

        if (!Regex.IsMatch(text, $@"^EXPOSE {port}\b", RegexOptions.Multiline))
        {
            yield return new(path, "EXPOSE", $"must expose {port}");
        }

        if (!Regex.IsMatch(text, $@"^ENV ASPNETCORE_URLS=http://\+:{port}\b", RegexOptions.Multiline))
        {
            yield return new(path, "ENV ASPNETCORE_URLS", $"must listen on http://+:{port}");
        }

        var healthcheck = Instruction(text, "HEALTHCHECK");
        if (healthcheck is null || !healthcheck.Contains(Extensions.LivenessPath, StringComparison.Ordinal)
            || !healthcheck.Contains($"/{port} ", StringComparison.Ordinal))
        {
            yield return new(path, "HEALTHCHECK", $"must probe {Extensions.LivenessPath} on port {port}");
        }
    }

    [GeneratedRegex(@"<ProjectReference\s+Include=""([^""]+)""")]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"^FROM\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex From();

    [GeneratedRegex(@"^USER\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex User();

    /// <summary>An instruction with its continuation lines (those after a trailing backslash), or null.</summary>
    private static string? Instruction(string text, string keyword)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith(keyword + " ", StringComparison.Ordinal));
        if (start < 0)
        {
            return null;
        }

        var end = start;
        while (end + 1 < lines.Length && lines[end].TrimEnd().EndsWith('\\'))
        {
            end++;
        }

        return string.Join('\n', lines[start..(end + 1)]);
    }
}
