using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Silences;

namespace AirisEpm.AlertService.Application;

/// <summary>Converts domain state to and from the plain records the state store keeps.</summary>
internal static class EngineSnapshotMapping
{
    public static AlertRecord ToRecord(this Alert a) =>
        new(a.Labels.ToDictionary(), a.Annotations.ToDictionary(), a.StartsAt, a.EndsAt, a.UpdatedAt, a.GeneratorUrl, a.Timeout);

    public static Alert ToAlert(this AlertRecord r) =>
        new(LabelSet.From(r.Labels), LabelSet.From(r.Annotations), r.StartsAt, r.EndsAt, r.UpdatedAt, r.GeneratorUrl, r.Timeout);

    public static SilenceRecord ToRecord(this Silence s) =>
        new(s.Id, [.. s.Matchers.Select(m => new MatcherRecord(m.Name, m.Value, m.IsRegex, m.IsEqual()))],
            s.StartsAt, s.EndsAt, s.UpdatedAt, s.CreatedBy, s.Comment);

    /// <summary>Matchers were valid when saved; a record that no longer parses throws MatcherException.</summary>
    public static Silence ToSilence(this SilenceRecord r) =>
        new(r.Id, [.. r.Matchers.Select(m => AlertmanagerMatchers.FromApi(m.Name, m.Value, m.IsRegex, m.IsEqual))],
            r.StartsAt, r.EndsAt, r.UpdatedAt, r.CreatedBy, r.Comment);

    public static GroupRecord ToRecord(string key, string integration, NotificationLogEntry entry) =>
        new(key, [.. entry.Firing.Select(f => f.ToString())], [.. entry.Resolved.Select(f => f.ToString())], entry.At, integration);

    public static NotificationLogEntry ToEntry(this GroupRecord r) =>
        new(Parse(r.Firing), Parse(r.Resolved), r.At);

    private static HashSet<Fingerprint> Parse(IEnumerable<string> hex) =>
        [.. hex.Select(h => Fingerprint.TryParse(h, out var f) ? f : (Fingerprint?)null).OfType<Fingerprint>()];
}
