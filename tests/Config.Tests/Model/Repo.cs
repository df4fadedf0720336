using System.IO.Enumeration;

namespace AirisEpm.Config.Tests.Model;

/// <summary>The repository on disk, located from the test's output folder by walking up to AirisEpm.sln.</summary>
public sealed class Repo(string root, IReadOnlyDictionary<string, string>? overrides = null)
{
    private readonly IReadOnlyDictionary<string, string> _overrides = overrides ?? new Dictionary<string, string>();

    public const string SolutionFile = "AirisEpm.sln";

    private static readonly Lazy<Repo> Located = new(() => new Repo(FindRoot(AppContext.BaseDirectory)));

    public static Repo Current => Located.Value;

    public string Root { get; } = root;

    public RepoFile Read(string relativePath) =>
        _overrides.TryGetValue(Normalize(relativePath), out var text)
            ? new(Normalize(relativePath), text)
            : new(Normalize(relativePath), File.ReadAllText(Full(relativePath)));

    public bool FileExists(string relativePath) => _overrides.ContainsKey(Normalize(relativePath)) || File.Exists(Full(relativePath));

    /// <summary>The same repository with one file's text replaced: how the negative tests break a real file.</summary>
    public Repo With(RepoFile file) =>
        new(Root, new Dictionary<string, string>(_overrides) { [Normalize(file.Path)] = file.Text });

    /// <summary>A file's text with one exact fragment replaced; fails loudly if the fragment is not there.</summary>
    public RepoFile Edit(string relativePath, string fragment, string replacement)
    {
        var file = Read(relativePath);
        if (!file.Text.Contains(fragment, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{relativePath} does not contain '{fragment}'.");
        }

        return file with { Text = file.Text.Replace(fragment, replacement, StringComparison.Ordinal) };
    }

    public bool DirectoryExists(string relativePath) => Directory.Exists(Full(relativePath));

    /// <summary>
    /// Paths relative to the root of every file under <paramref name="folder"/> matching the pattern, files
    /// added by <see cref="With"/> included.
    /// </summary>
    public IReadOnlyList<string> List(string folder, string pattern, bool recursive = false)
    {
        var onDisk = Directory.Exists(Full(folder))
            ? Directory.GetFiles(Full(folder), pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Select(path => Normalize(Path.GetRelativePath(Root, path)))
            : [];
        var prefix = Normalize(folder) is "" ? "" : Normalize(folder) + "/";
        var added = _overrides.Keys.Where(path => path.StartsWith(prefix, StringComparison.Ordinal)
            && (recursive || !path[prefix.Length..].Contains('/'))
            && FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(path)));
        return onDisk.Concat(added).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether .gitignore at the root ignores a file: an exact (optionally rooted) path, or a name pattern.</summary>
    public bool IsGitIgnored(string relativePath)
    {
        var path = Normalize(relativePath);
        var lines = FileExists(".gitignore") ? Read(".gitignore").Text.Split('\n') : [];
        return lines.Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('!'))
            .Any(line => line.TrimStart('/') == path
                || (!line.Contains('/') && FileSystemName.MatchesSimpleExpression(line, Path.GetFileName(path))));
    }

    /// <summary>Joins a base folder and a relative path, resolving "." and "..", relative to the root.</summary>
    public static string Combine(string baseFolder, string path) =>
        Normalize(Path.GetRelativePath("/r", Path.GetFullPath(Path.Combine("/r", baseFolder, path))));

    public static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized == "." ? "" : normalized.TrimEnd('/');
    }

    private string Full(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {start}.");
    }
}
