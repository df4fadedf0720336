using System.Reflection;
using System.Text.RegularExpressions;
using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// The app id a service gives itself in code (<c>AddServiceDefaults(AppIds.X)</c> in its Program.cs) is the
/// appID dapr.yaml runs its project folder under.
/// </summary>
public static partial class AppIdRules
{
    public static IEnumerable<Finding> Check(RunFile run, Repo repo)
    {
        foreach (var app in run.Apps.Where(a => a.AppDirPath is not null))
        {
            var program = Repo.Combine(Repo.Combine(run.File.Folder, app.AppDirPath!), "Program.cs");
            var match = repo.FileExists(program) ? AddServiceDefaults().Match(repo.Read(program).Text) : Match.Empty;
            var id = match.Success
                ? typeof(AppIds).GetField(match.Groups[1].Value, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
                : null;
            if (id != app.AppId)
            {
                yield return new(program, "AddServiceDefaults", $"names app id '{id}'; dapr.yaml runs this folder as '{app.AppId}'");
            }
        }
    }

    [GeneratedRegex(@"AddServiceDefaults\(\s*AppIds\.(\w+)\s*\)")]
    private static partial Regex AddServiceDefaults();
}
