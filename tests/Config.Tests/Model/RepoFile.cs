namespace AirisEpm.Config.Tests.Model;

/// <summary>A file's text and its path relative to the repository root ('/' separators).</summary>
public sealed record RepoFile(string Path, string Text)
{
    /// <summary>The folder part of <see cref="Path"/>, "" at the root.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)?.Replace('\\', '/') ?? "";
}
