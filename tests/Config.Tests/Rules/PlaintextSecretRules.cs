using AirisEpm.Config.Tests.Model;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// No secret value anywhere under deploy/: no Secret with data or stringData, no secretGenerator, and no
/// <c>name</c>/<c>value</c> pair (an env variable, a component's metadata) whose name says token, password,
/// secret, key or connection string. Such values come from Secrets the operator creates (deploy/k8s/README.md).
/// </summary>
public static class PlaintextSecretRules
{
    public const string Folder = "deploy";

    public static IEnumerable<Finding> Check(Repo repo) =>
        repo.List(Folder, "*.y*ml", recursive: true).SelectMany(path => Check(repo.Read(path)));

    public static IEnumerable<Finding> Check(RepoFile file)
    {
        foreach (var document in YamlNodes.Documents(file.Text))
        {
            var name = $"{document.Text("kind") ?? "Kustomization"}/{document.Text("metadata.name")}";
            if (document.Text("kind") == "Secret" && (document.Child("data") ?? document.Child("stringData")) is not null)
            {
                yield return new(file.Path, $"{name}.data", "commits a Secret's value; create the Secret with kubectl instead");
            }

            if (document.Child("secretGenerator") is not null)
            {
                yield return new(file.Path, "secretGenerator", "generates a Secret from committed values; create it with kubectl instead");
            }

            foreach (var pair in document.Descendants().OfType<YamlMappingNode>())
            {
                var key = pair.Text("name");
                if (key is not null && !string.IsNullOrEmpty(pair.Text("value")) && SecretContract.IsSecretLikeName(key))
                {
                    yield return new(file.Path, $"{name}[{key}].value", "holds a plaintext credential; use valueFrom.secretKeyRef");
                }
            }
        }
    }
}
