using System.Text.Json.Serialization;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Silences;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>API v2 <c>matcher</c>; <c>isEqual</c> defaults to true as in Alertmanager.</summary>
public sealed record ApiMatcher(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("isRegex")] bool IsRegex,
    [property: JsonPropertyName("isEqual")] bool? IsEqual = true)
{
    public Matcher ToDomain() => AlertmanagerMatchers.FromApi(Name, Value, IsRegex, IsEqual ?? true);

    public static ApiMatcher From(Matcher m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Name, m.Value, m.IsRegex, m.IsEqual());
    }
}

/// <summary>API v2 <c>postableSilence</c>: with an id it updates that silence.</summary>
public sealed record PostableSilence(
    [property: JsonPropertyName("matchers")] List<ApiMatcher>? Matchers,
    [property: JsonPropertyName("startsAt")] DateTimeOffset? StartsAt,
    [property: JsonPropertyName("endsAt")] DateTimeOffset? EndsAt,
    [property: JsonPropertyName("createdBy")] string? CreatedBy,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("id")] string? Id = null)
{
    /// <summary>Only called after <see cref="PostableSilenceValidator"/> passed.</summary>
    public SilenceRequest ToDomain() => new(
        [.. (Matchers ?? []).Select(m => m.ToDomain())],
        StartsAt ?? default,
        EndsAt ?? default,
        CreatedBy ?? "",
        Comment ?? "",
        string.IsNullOrEmpty(Id) ? null : Id);
}

/// <summary>API v2 <c>gettableSilence</c>.</summary>
public sealed record GettableSilence(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] SilenceStatus Status,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("matchers")] IReadOnlyList<ApiMatcher> Matchers,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("endsAt")] DateTimeOffset EndsAt,
    [property: JsonPropertyName("createdBy")] string CreatedBy,
    [property: JsonPropertyName("comment")] string Comment)
{
    public static GettableSilence From(Silence s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, new SilenceStatus(s.StateAt(now).ToString().ToLowerInvariant()), s.UpdatedAt,
            [.. s.Matchers.Select(ApiMatcher.From)], s.StartsAt, s.EndsAt, s.CreatedBy, s.Comment);
    }
}

/// <summary>API v2 <c>silenceStatus</c>: pending, active or expired.</summary>
public sealed record SilenceStatus([property: JsonPropertyName("state")] string State);

/// <summary>The answer of POST /api/v2/silences.</summary>
public sealed record SilenceCreated([property: JsonPropertyName("silenceID")] string SilenceId);
