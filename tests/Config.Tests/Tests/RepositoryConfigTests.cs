using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>The repository's own YAML, run file, compose file, Dockerfiles and launch settings pass every rule.</summary>
public sealed class RepositoryConfigTests
{
    public static TheoryData<string> Rules => new(Checks.ByRule.Keys);

    [Theory]
    [MemberData(nameof(Rules))]
    public void Repository_passes(string rule)
    {
        var findings = Checks.ByRule[rule](Repo.Current).ToList();

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void Every_yaml_under_components_is_checked()
    {
        var checkedFolders = ResourceEnvironment.Folders.Append(Checks.ConfigFolder).ToHashSet();
        // components/kustomization.yaml is Kustomize's, not Dapr's: KustomizeRules read it through deploy/k8s.
        var files = Repo.Current.List("components", "*.y*ml", recursive: true).Where(f => !Kustomization.IsKustomizationFile(f)).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Contains(Path.GetDirectoryName(file)!.Replace('\\', '/'), checkedFolders));
        Assert.All(files, file => Assert.NotEmpty(DaprResource.Parse(Repo.Current.Read(file))));
    }

    [Theory]
    [InlineData("components/local", "pubsub", "pubsub.redis")]
    [InlineData("components/compose", "pubsub", "pubsub.redis")]
    [InlineData("components/production", "pubsub", "pubsub.kafka")]
    [InlineData("components/production", "statestore", "state.redis")]
    [InlineData("components/production", "secretstore", "secretstores.kubernetes")]
    [InlineData("components/compose", "secretstore", "secretstores.local.file")]
    public void Environment_uses_the_intended_component_type(string folder, string name, string type)
    {
        var environment = ResourceEnvironment.Load(Repo.Current, folder);

        Assert.Equal(type, environment.Components.Single(c => c.Name == name).Type);
    }

    [Theory]
    [InlineData("components/compose/pubsub.yaml", "redisHost", "redis:6379")]
    [InlineData("components/compose/statestore.yaml", "redisHost", "redis:6379")]
    [InlineData("components/compose/email.yaml", "host", "mailpit")]
    [InlineData("components/compose/email.yaml", "port", "1025")]
    public void Compose_components_use_container_host_names(string file, string metadata, string value)
    {
        var component = DaprResource.Parse(Repo.Current.Read(file)).Single();

        Assert.Equal(value, component.Find(metadata)?.Value);
    }

    [Theory]
    [InlineData("keyPrefix", false)]
    [InlineData("redisHost", false)]
    [InlineData("redisPassword", true)]
    [InlineData("authToken", true)]
    [InlineData("accountSid", true)]
    [InlineData("apiKey", true)]
    [InlineData("saslPassword", true)]
    public void Secret_like_names_are_recognised(string name, bool secret)
    {
        var component = new DaprResource("x.yaml", "Component", "x", "state.redis", [], null, null, new YamlDotNet.RepresentationModel.YamlMappingNode());

        Assert.Equal(secret, SecretRules.IsSecretLike(component, name));
    }
}
