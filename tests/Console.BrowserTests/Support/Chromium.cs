namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>Debian's chromium (apt install chromium): Playwright cannot download its own browsers here.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run, or null when chromium is there.</summary>
    public static string? MissingReason { get; } = File.Exists(Path)
        ? null
        : $"{Path} is not installed (apt-get install chromium; .ci/run does): the browser tests did not run.";
}
