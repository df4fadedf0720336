using System.Diagnostics;
using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>
/// Each overlay as Kustomize itself renders it (kubectl kustomize, patches applied): it builds, every image is
/// pinned, and the rendered objects still pass the Kubernetes rules. Skipped, with the reason, without kubectl.
/// </summary>
public sealed class KustomizeRenderTests
{
    public static TheoryData<string> Overlays => new(KustomizeRules.Overlays(Repo.Current).Select(tree => tree.Folder));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_renders_and_passes_the_rules(string overlay)
    {
        var rendered = new KubeManifests(overlay + " (rendered)", KubeObject.Parse(new RepoFile(overlay, Render(overlay))));

        var findings = DaprAnnotationRules.Check(rendered, Checks.Run(Repo.Current), Checks.Compose(Repo.Current))
            .Concat(PodSpecRules.Check(rendered))
            .Concat(WorkloadRules.Check(rendered))
            .Concat(RbacRules.Check(rendered))
            .Concat(SecretScopeRules.CheckKubernetes(rendered))
            .ToList();

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        Assert.All(rendered.Deployments.SelectMany(d => d.Containers).Select(c => c.Text("image") ?? ""), image =>
            Assert.True(KustomizeRules.ImageName(image) != image && !image.EndsWith(":latest", StringComparison.Ordinal), $"'{image}' is not pinned to a tag"));
    }

    private static string Render(string overlay)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(Repo.Current.Root, overlay)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("kubectl is not installed (apt-get install -y kubectl); the overlay is checked unrendered only.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "kubectl kustomize did not finish in 60 s");
            Assert.True(process.ExitCode == 0, $"kubectl kustomize {overlay} failed: {error.Result}");
            return output.Result;
        }
    }
}
