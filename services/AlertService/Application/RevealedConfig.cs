using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// A routing configuration's YAML with its secret fields in plaintext (in memory only, for the
/// parser), and those secrets, so that no error message built from it repeats one.
/// </summary>
public sealed record RevealedConfig(string Yaml, IReadOnlyList<string> Secrets)
{
    // Shorter values would blank out ordinary words and numbers in the messages.
    private const int ShortestScrubbed = 4;

    public ConfigException Scrub(ConfigException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var secrets = Secrets.Where(s => s.Length >= ShortestScrubbed).OrderByDescending(s => s.Length).ToList();
        return new ConfigException([.. error.Errors.Select(e => e with { Reason = secrets.Aggregate(e.Reason, Blank) })]);
    }

    private static string Blank(string text, string secret) => text.Replace(secret, SecretFields.Redacted, StringComparison.Ordinal);
}
