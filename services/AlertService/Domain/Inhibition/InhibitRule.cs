using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Inhibition;

/// <summary>
/// Alertmanager inhibit rule: a firing alert matching <see cref="SourceMatchers"/> mutes alerts
/// matching <see cref="TargetMatchers"/> whose <see cref="Equal"/> labels have the same values
/// (a label absent on both sides counts as equal, as in Alertmanager).
/// </summary>
public sealed record InhibitRule(
    IReadOnlyList<Matcher> SourceMatchers,
    IReadOnlyList<Matcher> TargetMatchers,
    IReadOnlyList<string> Equal)
{
    internal string EqualKey(LabelSet labels)
    {
        if (Equal.Count == 0) return string.Empty;
        // U+FFFF is a noncharacter, so it cannot make two different value lists join equal in practice.
        return string.Join('\uFFFF', Equal.Select(name => labels.Get(name)));
    }
}
