using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// deploy/k8s as Kustomize builds it: each overlay's references exist and stay within what the load restrictor
/// allows; each patch, image and replica entry names something the overlay has; and every YAML file under
/// deploy/k8s is used by some overlay (a file no kustomization names is never applied).
/// </summary>
public static class KustomizeRules
{
    public const string Folder = "deploy/k8s";
    public const string OverlaysFolder = Folder + "/overlays";

    /// <summary>The overlays (the folders under overlays/ with a kustomization), each loaded as a tree.</summary>
    public static IReadOnlyList<KubeTree> Overlays(Repo repo) =>
        repo.List(OverlaysFolder, "*", recursive: true)
            .Where(Kustomization.IsKustomizationFile)
            .Select(path => KubeTree.Load(repo, Path.GetDirectoryName(path)!.Replace('\\', '/')))
            .ToList();

    public static IEnumerable<Finding> Check(Repo repo)
    {
        var overlays = Overlays(repo);
        if (overlays.Count == 0)
        {
            yield return new(OverlaysFolder, "kustomization.yaml", "no overlay to apply");
        }

        foreach (var finding in overlays.SelectMany(tree => tree.Broken.Concat(CheckEdits(tree, repo))))
        {
            yield return finding;
        }

        var used = overlays.SelectMany(tree => tree.Files).ToHashSet(StringComparer.Ordinal);
        foreach (var file in repo.List(Folder, "*.y*ml", recursive: true).Where(f => !used.Contains(f)))
        {
            yield return new(file, "resources", "no overlay's kustomization reaches it, so it is never applied");
        }
    }

    private static IEnumerable<Finding> CheckEdits(KubeTree tree, Repo repo)
    {
        var manifests = tree.Manifests;
        foreach (var (owner, file) in tree.PatchFiles)
        {
            var patch = owner.Patches.First(p => p.Path is not null && Repo.Combine(owner.Folder, p.Path) == file);
            IReadOnlyList<(string Kind, string? Name)> targets = patch.TargetKind is not null
                ? [(patch.TargetKind, patch.TargetName)]
                : KubeObject.Parse(repo.Read(file)).Select(o => (o.Kind!, o.Name)).ToList();
            foreach (var (kind, name) in targets.Where(t => manifests.Find(t.Kind, t.Name) is null))
            {
                yield return new(owner.File.Path, $"patches[{patch.Path}]", $"patches {kind}/{name}, which {tree.Folder} does not have");
            }
        }

        var images = manifests.Deployments.SelectMany(d => d.Containers).Select(c => ImageName(c.Text("image") ?? "")).ToHashSet();
        foreach (var kustomization in tree.Kustomizations)
        {
            foreach (var image in kustomization.ImageNames.Where(i => !images.Contains(i)))
            {
                yield return new(kustomization.File.Path, $"images[{image}]", "no container runs this image");
            }

            foreach (var name in kustomization.ReplicaNames.Where(n => manifests.Find("Deployment", n) is null))
            {
                yield return new(kustomization.File.Path, $"replicas[{name}]", "is no Deployment");
            }
        }
    }

    /// <summary>An image reference without its tag ("registry:5000/a/b:1.0" gives "registry:5000/a/b").</summary>
    public static string ImageName(string image)
    {
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? image[..colon] : image;
    }
}
