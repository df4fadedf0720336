namespace AirisEpm.AlertService.Tests.Domain.Configuration;

/// <summary>The Alertmanager configuration files of <c>testdata/</c> (see its README for their sources).</summary>
internal static class ConfigFixtures
{
    public const string DebianDefault = "debian-default.yml";
    public const string AlertmanagerSimple = "alertmanager-simple.yml";
    public const string EveryKey = "every-key.yml";

    public static readonly string[] Names = [DebianDefault, AlertmanagerSimple, EveryKey];

    public static TheoryData<string> All => [.. Names];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Domain", "Configuration", "testdata", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
