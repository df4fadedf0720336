namespace AirisEpm.PromQl.Ast;

/// <summary>Which end of the query an <c>@ start()</c> / <c>@ end()</c> modifier pins to.</summary>
public enum AtAnchor
{
    None,
    Start,
    End,
}

/// <summary>
/// The <c>@</c> and <c>offset</c> modifiers of a selector or subquery. <see cref="TimestampMs"/> is set for
/// <c>@ 1609746000</c>; <see cref="Anchor"/> for <c>@ start()</c>/<c>@ end()</c>. <see cref="OffsetMs"/> may be negative.
/// </summary>
public sealed record TimeModifiers(long OffsetMs, long? TimestampMs, AtAnchor Anchor)
{
    public static readonly TimeModifiers None = new(0, null, AtAnchor.None);

    public bool HasAt => TimestampMs is not null || Anchor != AtAnchor.None;
}
