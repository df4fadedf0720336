using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Model;

/// <summary>A kustomization.yaml: what it includes (resources, patches) and what it changes (images, replicas).</summary>
public sealed record Kustomization(RepoFile File, YamlMappingNode Root)
{
    /// <summary>The file names Kustomize looks for in a folder, in its order.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public string Folder => File.Folder;

    public IReadOnlyList<string> Resources => Root.Child("resources").Strings();

    public IReadOnlyList<KustomizePatch> Patches => Root.Child("patches").Items()
        .Select(p => new KustomizePatch(p.Text("path"), p.Text("target.kind"), p.Text("target.name")))
        .ToList();

    public IReadOnlyList<string> ImageNames => Root.Child("images").Items().Select(i => i.Text("name") ?? "").ToList();

    public IReadOnlyList<string> ReplicaNames => Root.Child("replicas").Items().Select(i => i.Text("name") ?? "").ToList();

    public static bool IsKustomizationFile(string path) => FileNames.Contains(System.IO.Path.GetFileName(path));

    public static Kustomization Parse(RepoFile file) => new(file, YamlNodes.Documents(file.Text).Single());
}

/// <summary>One entry of <c>patches</c>: a patch file, and the object it targets when not named by the patch itself.</summary>
public sealed record KustomizePatch(string? Path, string? TargetKind, string? TargetName);
