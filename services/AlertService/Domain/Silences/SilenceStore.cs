using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Silences;

/// <summary>
/// The silences aggregate with Alertmanager's update rules. Not thread-safe (the owner serialises);
/// ids come from an injected generator so tests and replicas can control them.
/// </summary>
public sealed class SilenceStore(Func<string>? newId = null)
{
    /// <summary>120h: Alertmanager's default <c>--data.retention</c> for expired silences.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(120);

    private readonly Dictionary<string, Silence> _silences = new(StringComparer.Ordinal);
    private readonly Func<string> _newId = newId ?? (() => Guid.NewGuid().ToString());

    public IEnumerable<Silence> All => _silences.Values;

    public bool TryGet(string id, out Silence silence) => _silences.TryGetValue(id, out silence!);

    /// <summary>
    /// Creates or updates. An update keeps the id only when Alertmanager would (same matchers,
    /// not expired, an active silence keeps its start); otherwise the old silence is expired
    /// and a new one created. Returns the id the client should use from now on.
    /// </summary>
    public string Set(SilenceRequest request, DateTimeOffset now)
    {
        var errors = request.Validate(now);
        if (errors.Count > 0)
        {
            throw new SilenceException(SilenceFailure.Invalid, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")), errors);
        }
        if (request.Id is { } id)
        {
            if (!_silences.TryGetValue(id, out var existing))
            {
                throw new SilenceException(SilenceFailure.NotFound, $"silence {id} not found");
            }
            if (CanUpdateInPlace(existing, request, now))
            {
                _silences[id] = ToSilence(id, request, now);
                return id;
            }
            if (existing.StateAt(now) != SilenceState.Expired) Expire(id, now);
        }
        var created = ToSilence(_newId(), request with { StartsAt = request.StartsAt < now ? now : request.StartsAt }, now);
        _silences[created.Id] = created;
        return created.Id;
    }

    /// <summary>Expires now: a pending silence gets start = end = now, an active one end = now.</summary>
    public Silence Expire(string id, DateTimeOffset now)
    {
        if (!_silences.TryGetValue(id, out var silence)) throw new SilenceException(SilenceFailure.NotFound, $"silence {id} not found");
        var expired = silence.StateAt(now) switch
        {
            SilenceState.Expired => throw new SilenceException(SilenceFailure.AlreadyExpired, $"silence {id} already expired"),
            SilenceState.Pending => silence with { StartsAt = now, EndsAt = now, UpdatedAt = now },
            _ => silence with { EndsAt = now, UpdatedAt = now },
        };
        _silences[id] = expired;
        return expired;
    }

    /// <summary>Ids of the active silences muting these labels, sorted (API v2 <c>silencedBy</c>).</summary>
    public IReadOnlyList<string> SilencedBy(LabelSet labels, DateTimeOffset now)
    {
        List<string>? ids = null;
        foreach (var silence in _silences.Values)
        {
            if (silence.Mutes(labels, now)) (ids ??= []).Add(silence.Id);
        }
        if (ids is null) return [];
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <summary>Removes silences expired before <c>now - retention</c>.</summary>
    public int CollectGarbage(DateTimeOffset now, TimeSpan? retention = null)
    {
        var cutoff = now - (retention ?? DefaultRetention);
        var old = _silences.Values.Where(s => s.EndsAt <= cutoff).Select(s => s.Id).ToList();
        old.ForEach(id => _silences.Remove(id));
        return old.Count;
    }

    public IReadOnlyList<Silence> Snapshot() => [.. _silences.Values];

    /// <summary>Puts one silence back as it was (undoing a change that could not be saved).</summary>
    public void Put(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        _silences[silence.Id] = silence;
    }

    public bool Remove(string id) => _silences.Remove(id);

    public void Restore(IEnumerable<Silence> silences)
    {
        _silences.Clear();
        foreach (var silence in silences) _silences[silence.Id] = silence;
    }

    private static bool CanUpdateInPlace(Silence existing, SilenceRequest request, DateTimeOffset now)
    {
        if (!existing.Matchers.SequenceEqual(request.Matchers)) return false;
        return existing.StateAt(now) switch
        {
            SilenceState.Active => request.StartsAt == existing.StartsAt && request.EndsAt >= now,
            SilenceState.Pending => request.StartsAt >= now,
            _ => false,
        };
    }

    private static Silence ToSilence(string id, SilenceRequest r, DateTimeOffset now) =>
        new(id, r.Matchers, r.StartsAt, r.EndsAt, now, r.CreatedBy, r.Comment);
}
