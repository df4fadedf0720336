using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>The kustomizations under deploy/k8s broken one way at a time.</summary>
public sealed class KustomizeRulesTests
{
    private const string Base = "deploy/k8s/base/kustomization.yaml";
    private const string Overlay = "deploy/k8s/overlays/production/kustomization.yaml";

    [Theory]
    [InlineData(Base, "  - namespace.yaml\n", "  - namespaces.yaml\n", Base, "resources")]
    [InlineData(Base, "  - ../../../components\n", "  - ../../../components/production/pubsub.yaml\n", Base, "resources")]
    [InlineData(Base, "  - ../../../components\n", "  - ../../../components/production\n", Base, "resources")]
    [InlineData(Base, "  - log-service/rbac.yaml\n", "", "deploy/k8s/base/log-service/rbac.yaml", "resources")]
    [InlineData("deploy/k8s/overlays/production/autoscaling.yaml", "  name: alert-service\n", "  name: alerts\n", Overlay, "patches[autoscaling.yaml]")]
    [InlineData(Overlay, "  - name: airis-epm/log-service\n", "  - name: airis-epm/logs\n", Overlay, "images[airis-epm/logs]")]
    [InlineData(Overlay, "patches:\n", "replicas:\n  - name: traces\n    count: 3\npatches:\n", Overlay, "replicas[traces]")]
    [InlineData(Overlay, "  - path: resources.yaml\n", "  - path: ../resources.yaml\n", Overlay, "patches")]
    public void Rejects_a_broken_kustomization(string file, string fragment, string replacement, string named, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(KustomizeRules), file, fragment, replacement), named, field);

    [Fact]
    public void Rejects_a_manifest_no_kustomization_applies()
    {
        var stray = new RepoFile("deploy/k8s/base/stray.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stray\n");

        var findings = KustomizeRules.Check(Repo.Current.With(stray)).ToList();

        Checks.AssertNames(findings, stray.Path, "resources");
    }

    [Theory]
    [InlineData("registry:5000/airis-epm/metrics-service:1.0", "registry:5000/airis-epm/metrics-service")]
    [InlineData("airis-epm/metrics-service", "airis-epm/metrics-service")]
    public void Image_names_drop_only_the_tag(string image, string name) => Assert.Equal(name, KustomizeRules.ImageName(image));
}
