using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>Each rule set applied to a repository (the real one, or one with a file broken on purpose).</summary>
public static class Checks
{
    public const string RunFilePath = "dapr.yaml";
    public const string ComposePath = "docker-compose.yml";
    public const string ConfigFolder = "components/config";

    public static readonly IReadOnlyDictionary<string, Func<Repo, IEnumerable<Finding>>> ByRule =
        new Dictionary<string, Func<Repo, IEnumerable<Finding>>>(StringComparer.Ordinal)
        {
            [nameof(ComponentRules)] = repo => PerEnvironment(repo, ComponentRules.Check),
            [nameof(EnvironmentRules)] = repo => PerEnvironment(repo, EnvironmentRules.Check),
            [nameof(SecretRules)] = repo => PerEnvironment(repo, SecretRules.Check),
            [nameof(ResiliencyRules)] = repo => PerEnvironment(repo, ResiliencyRules.Check),
            [nameof(ConfigurationRules)] = repo => repo.List(ConfigFolder, "*.yaml")
                .SelectMany(path => ConfigurationRules.Check(repo.Read(path), ConfigurationRules.HostFor(Path.GetFileName(path)), ConfigurationRules.ExporterFor(Path.GetFileName(path)))),
            [nameof(ConfigurationSiblingRules)] = repo => ConfigurationSiblingRules.Check(repo, ConfigFolder),
            [nameof(RunFileRules)] = repo => RunFileRules.Check(Run(repo), repo),
            [nameof(BuildOutputRules)] = repo => BuildOutputRules.Check(Run(repo), repo),
            [nameof(ComposeRules)] = repo => ComposeRules.Check(Compose(repo), repo),
            [nameof(PortAgreementRules)] = repo => PortAgreementRules.Check(Run(repo), Compose(repo), repo),
            [nameof(AppIdRules)] = repo => AppIdRules.Check(Run(repo), repo),
            [nameof(DockerfileRules)] = repo => DockerfileRules.Check(Run(repo), repo),
            [nameof(SecretsFileRules)] = repo => SecretsFileRules.CheckRunFile(Run(repo), repo)
                .Concat(SecretsFileRules.CheckCompose(Compose(repo), repo)),
            [nameof(ComposeProductionRules)] = repo => ComposeProductionRules.Check(Compose(repo), Run(repo), repo),
            [nameof(KustomizeRules)] = KustomizeRules.Check,
            [nameof(DaprAnnotationRules)] = repo => PerOverlay(repo, manifests => DaprAnnotationRules.Check(manifests, Run(repo), Compose(repo))),
            [nameof(PodSpecRules)] = repo => PerOverlay(repo, PodSpecRules.Check),
            [nameof(WorkloadRules)] = repo => PerOverlay(repo, WorkloadRules.Check),
            [nameof(RbacRules)] = repo => PerOverlay(repo, RbacRules.Check),
            [nameof(SecretScopeRules)] = repo => PerOverlay(repo, SecretScopeRules.CheckKubernetes)
                .Concat(SecretScopeRules.CheckCompose(Compose(repo), repo)),
            [nameof(PlaintextSecretRules)] = PlaintextSecretRules.Check,
            [nameof(SelfTracingRules)] = repo => SelfTracingRules.CheckCompose(Compose(repo), Run(repo))
                .Concat(PerOverlay(repo, SelfTracingRules.CheckKubernetes)),
        };

    public static RunFile Run(Repo repo) => RunFile.Parse(repo.Read(RunFilePath));

    public static ComposeFile Compose(Repo repo) => ComposeFile.Parse(repo.Read(ComposePath));

    /// <summary>Runs one rule set against the real repository with one fragment of one file replaced.</summary>
    public static IReadOnlyList<Finding> Broken(string rule, string file, string fragment, string replacement)
    {
        var repo = Repo.Current;
        return ByRule[rule](repo.With(repo.Edit(file, fragment, replacement))).ToList();
    }

    public static void AssertNames(IReadOnlyList<Finding> findings, string file, string field)
    {
        Assert.True(
            findings.Any(f => f.File == file && f.Field == field && f.ToString().StartsWith($"{file}: {field}: ", StringComparison.Ordinal)),
            $"expected a finding naming {file} and {field}; got:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
    }

    /// <summary>A rule over what each overlay under deploy/k8s applies (one finding once, however many overlays share it).</summary>
    private static IEnumerable<Finding> PerOverlay(Repo repo, Func<KubeManifests, IEnumerable<Finding>> rule) =>
        KustomizeRules.Overlays(repo).SelectMany(tree => rule(tree.Manifests)).Distinct();

    private static IEnumerable<Finding> PerEnvironment(Repo repo, Func<ResourceEnvironment, IEnumerable<Finding>> rule) =>
        ResourceEnvironment.Folders.SelectMany(folder => rule(ResourceEnvironment.Load(repo, folder)));
}
