namespace AirisEpm.PromQlTest.Scripts;

/// <summary>The <c>.test</c> files named by command-line arguments: files as given, folders searched recursively.</summary>
public static class ScriptFiles
{
    public const string Extension = ".test";

    /// <summary>The files in a stable (ordinal) order; throws <see cref="FileNotFoundException"/> for a path that does not exist.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"no such file or folder: {path}", path);
            }
        }

        return files;
    }
}
