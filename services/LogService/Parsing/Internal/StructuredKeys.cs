using System.Globalization;
using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// The well-known keys of one JSON or logfmt line, best rank per role (see <see cref="WellKnownKeys"/>).
/// Values that turn out unusable (a level no table knows, a time that does not parse) go back to
/// the fields under their own key, so nothing the producer sent is lost.
/// </summary>
internal sealed class StructuredKeys(DraftBuilder builder)
{
    private const int RoleCount = (int)KeyRole.StackTrace + 1;
    private readonly (string Key, string Value, int Rank)?[] _best = new (string, string, int)?[RoleCount];

    /// <summary>Takes <paramref name="key"/> if it has a role, else adds it to the fields.</summary>
    public void Add(string key, string value)
    {
        var (role, rank) = WellKnownKeys.Classify(key);
        if (role == KeyRole.None)
        {
            builder.AddField(key, value);
            return;
        }
        ref var slot = ref _best[(int)role];
        if (slot is { } current)
        {
            if (current.Rank <= rank)
            {
                builder.AddField(key, value);
                return;
            }
            builder.AddField(current.Key, current.Value);
        }
        slot = (key, value, rank);
    }

    /// <summary>Moves the chosen values onto the draft.</summary>
    public void Apply()
    {
        for (var role = KeyRole.Timestamp; role <= KeyRole.StackTrace; role++)
        {
            if (_best[(int)role] is not { } entry) continue;
            if (!TryApply(role, entry.Value)) builder.AddField(entry.Key, entry.Value);
        }
    }

    private bool TryApply(KeyRole role, string value)
    {
        switch (role)
        {
            case KeyRole.Timestamp when TimestampScanner.TryField(value, out var ns):
                builder.TimestampNs = ns;
                return true;
            case KeyRole.Level:
                var level = ParseLevel(value);
                if (level == Severity.Unknown) return false;
                builder.Level = level;
                return true;
            case KeyRole.OtlpSeverityNumber
                when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && SeverityParser.FromOtlpNumber(number) != Severity.Unknown:
                // Roles apply in enum order, so a text level (the producer's own word) has already won if there was one.
                if (builder.Level == Severity.Unknown) builder.Level = SeverityParser.FromOtlpNumber(number);
                return true;
            case KeyRole.Message:
                builder.Message = value.TrimEnd();
                return true;
            case KeyRole.Service:
                builder.Service = value;
                return true;
            case KeyRole.Host:
                builder.Host = value;
                return true;
            case KeyRole.Logger:
                builder.Logger = value;
                return true;
            case KeyRole.Thread:
                builder.Thread = value;
                return true;
            case KeyRole.StackTrace:
                builder.StackTrace = value.TrimEnd();
                return true;
            default:
                return false;
        }
    }

    private static Severity ParseLevel(string value)
    {
        var level = SeverityParser.Parse(value);
        if (level == Severity.Unknown && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) level = SeverityParser.FromNumber(number);
        return level;
    }
}
