namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>Finds the repository root (the folder with AirisEpm.sln) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string LocalComponents => Path.Combine(Root, "components", "local");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AirisEpm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AirisEpm.sln above {AppContext.BaseDirectory}.");
    }
}
