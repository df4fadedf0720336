namespace AirisEpm.Config.Tests.Model;

/// <summary>
/// What <c>kubectl apply -k</c> of one folder applies, before patches: every object reached through
/// <c>resources</c> (files, and folders with their own kustomization), the kustomizations visited, the patch
/// files they name, and each reference Kustomize would refuse (missing, or a file outside its kustomization's
/// folder: the default load restrictor).
/// </summary>
public sealed class KubeTree
{
    private readonly List<Kustomization> _kustomizations = [];
    private readonly List<KubeObject> _objects = [];
    private readonly List<(Kustomization Owner, string File)> _patchFiles = [];
    private readonly List<Finding> _broken = [];

    private KubeTree(string folder) => Folder = folder;

    public string Folder { get; }

    public IReadOnlyList<Kustomization> Kustomizations => _kustomizations;

    public KubeManifests Manifests => new(Folder, _objects);

    public IReadOnlyList<(Kustomization Owner, string File)> PatchFiles => _patchFiles;

    public IReadOnlyList<Finding> Broken => _broken;

    /// <summary>Every file the tree uses: kustomizations, resources, patches.</summary>
    public IEnumerable<string> Files =>
        _kustomizations.Select(k => k.File.Path).Concat(_objects.Select(o => o.File)).Concat(_patchFiles.Select(p => p.File)).Distinct();

    public static KubeTree Load(Repo repo, string folder)
    {
        var tree = new KubeTree(folder);
        tree.LoadFolder(repo, folder, referencedFrom: null);
        return tree;
    }

    private void LoadFolder(Repo repo, string folder, Kustomization? referencedFrom)
    {
        var path = Kustomization.FileNames.Select(name => Repo.Combine(folder, name)).FirstOrDefault(repo.FileExists);
        if (path is null)
        {
            _broken.Add(new(referencedFrom?.File.Path ?? folder, "resources", $"'{folder}' has no kustomization.yaml"));
            return;
        }

        if (_kustomizations.Any(k => k.File.Path == path))
        {
            return;
        }

        var kustomization = Kustomization.Parse(repo.Read(path));
        _kustomizations.Add(kustomization);
        foreach (var resource in kustomization.Resources)
        {
            var target = Repo.Combine(folder, resource);
            if (repo.DirectoryExists(target))
            {
                LoadFolder(repo, target, kustomization);
            }
            else if (!repo.FileExists(target))
            {
                _broken.Add(new(path, "resources", $"'{resource}' does not exist"));
            }
            else if (!IsWithin(folder, target))
            {
                _broken.Add(new(path, "resources", $"'{resource}' is outside {folder}; Kustomize loads files only at or below a kustomization's folder"));
            }
            else
            {
                _objects.AddRange(KubeObject.Parse(repo.Read(target)));
            }
        }

        foreach (var patch in kustomization.Patches)
        {
            var target = patch.Path is null ? null : Repo.Combine(folder, patch.Path);
            if (target is null || !repo.FileExists(target) || !IsWithin(folder, target))
            {
                _broken.Add(new(path, "patches", $"'{patch.Path}' is not a file at or below {folder}"));
                continue;
            }

            _patchFiles.Add((kustomization, target));
        }
    }

    private static bool IsWithin(string folder, string path) =>
        folder.Length == 0 || path.StartsWith(folder + "/", StringComparison.Ordinal);
}
