namespace AirisEpm.Config.Tests.Model;

/// <summary>One resources folder (components/local, compose, production) with every resource in it.</summary>
public sealed record ResourceEnvironment(string Folder, IReadOnlyList<DaprResource> Resources)
{
    public static readonly IReadOnlyList<string> Folders = ["components/local", "components/compose", "components/production"];

    public bool IsProduction => Folder.EndsWith("production", StringComparison.Ordinal);

    public IEnumerable<DaprResource> Components => Resources.Where(r => r.IsComponent);

    public static ResourceEnvironment Load(Repo repo, string folder) =>
        FromFiles(folder, repo.List(folder, "*.yaml").Concat(repo.List(folder, "*.yml")).Select(repo.Read));

    public static ResourceEnvironment FromFiles(string folder, IEnumerable<RepoFile> files) =>
        new(folder, files.SelectMany(DaprResource.Parse).ToList());

    /// <summary>A copy with one file's text replaced: how the negative tests break a real environment.</summary>
    public ResourceEnvironment With(RepoFile file) =>
        new(Folder, Resources.Where(r => r.File != file.Path).Concat(DaprResource.Parse(file)).ToList());
}
