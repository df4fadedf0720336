using System.Globalization;

namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>
/// Identity of a label set: the 64-bit FNV-1a hash Prometheus and Alertmanager compute
/// (label names sorted, each name and value followed by the 0xFF separator byte).
/// Rendered as 16 lower-case hex digits, the form Alertmanager's API v2 shows.
/// </summary>
public readonly record struct Fingerprint(ulong Value) : IComparable<Fingerprint>
{
    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);

    public int CompareTo(Fingerprint other) => Value.CompareTo(other.Value);

    public static bool operator <(Fingerprint left, Fingerprint right) => left.Value < right.Value;

    public static bool operator >(Fingerprint left, Fingerprint right) => left.Value > right.Value;

    public static bool operator <=(Fingerprint left, Fingerprint right) => left.Value <= right.Value;

    public static bool operator >=(Fingerprint left, Fingerprint right) => left.Value >= right.Value;

    public static bool TryParse(string? text, out Fingerprint fingerprint)
    {
        var ok = ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value);
        fingerprint = new Fingerprint(value);
        return ok;
    }
}
