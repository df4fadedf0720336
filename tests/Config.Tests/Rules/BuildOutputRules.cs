using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// <c>dapr run -f .</c> starts every app's command at the same moment. Two <c>dotnet run</c>s building into the
/// same obj/bin race on the project they share (ServiceDefaults): "MSB3883 ... refint/AirisEpm.ServiceDefaults.dll
/// ... being used by another process", and that app never starts. So every dotnet command passes its own
/// <c>--artifacts-path</c> (restore, obj and bin of every project it builds go there), no app's path is another's
/// or inside it, and .gitignore ignores the folder they are in.
/// </summary>
public static class BuildOutputRules
{
    public const string Option = "--artifacts-path";
    public const string GitIgnore = ".gitignore";

    public static IEnumerable<Finding> Check(RunFile run, Repo repo)
    {
        var outputs = new List<(RunApp App, string Path)>();
        foreach (var app in run.Apps.Where(a => a.Command.Count > 0 && a.Command[0] == "dotnet"))
        {
            var path = ArtifactsPath(run, app);
            if (path is null)
            {
                yield return new(run.File.Path, app.Field("command"), $"must pass {Option} <its own folder> before '--': the CLI starts every command at once");
                continue;
            }

            foreach (var other in outputs.Where(o => Overlap(o.Path, path)))
            {
                yield return new(run.File.Path, app.Field("command"), $"builds into '{path}', which overlaps {other.App.Field("command")}'s '{other.Path}'");
            }

            outputs.Add((app, path));
        }

        var ignored = repo.FileExists(GitIgnore) ? repo.Read(GitIgnore).Text.Split('\n').Select(l => l.Trim()).ToHashSet() : [];
        foreach (var top in outputs.Select(o => o.Path.Split('/')[0]).Distinct().Where(top => !ignored.Contains(top + "/")))
        {
            yield return new(GitIgnore, top + "/", "must be ignored: dapr.yaml's commands build into it");
        }
    }

    /// <summary>The option's value among the dotnet arguments (those before "--"), relative to the root, or null.</summary>
    private static string? ArtifactsPath(RunFile run, RunApp app)
    {
        var arguments = app.Command.TakeWhile(a => a != "--").ToList();
        var at = arguments.IndexOf(Option);
        return at < 0 || at + 1 >= arguments.Count || app.AppDirPath is null
            ? null
            : Repo.Combine(Repo.Combine(run.File.Folder, app.AppDirPath), arguments[at + 1]);
    }

    private static bool Overlap(string a, string b) =>
        a == b || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);
}
