using System.Globalization;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// Identity of a label set as Prometheus's data model (prometheus/common <c>model.LabelSet.Fingerprint</c>) and
/// Alertmanager compute it: the 64-bit FNV-1a hash of the labels sorted by name, each name and value followed by the
/// 0xFF separator byte. Rendered as 16 lower-case hex digits, the form Alertmanager's API v2 shows. (<see cref="LabelSet.Hash"/>
/// is this library's own, faster hash for indexing.)
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
