namespace AirisEpm.DaprTestSidecar.State;

/// <summary>
/// One state store shared by every sidecar of a mesh, like one Redis. Keys arrive already prefixed
/// ("app-id||key"). Versions are the ETags; concurrency follows Dapr's rules:
/// an ETag (unless last-write) must match; first-write without an ETag requires the key to be absent.
/// </summary>
public sealed class InMemoryStateStore(string name, TimeProvider time)
{
    private readonly Dictionary<string, StateEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;

    public string Name => name;

    /// <summary>
    /// A fault to inject: called with each state transaction's writes (keys prefixed "app-id||key"), it answers why the
    /// store refuses them, or null to let them through. A refused transaction writes nothing and is answered as daprd
    /// answers a store's failed transaction (ERR_STATE_TRANSACTION, 500 / Internal). Single writes are not affected.
    /// </summary>
    public Func<IReadOnlyList<StateWrite>, string?>? RefuseTransaction { get; set; }

    public StateEntry? Get(string key)
    {
        lock (_gate)
        {
            return Live(key);
        }
    }

    /// <summary>Applies all writes or none. Throws <see cref="EtagMismatchException"/> on a conflict.</summary>
    public void Apply(IReadOnlyList<StateWrite> writes)
    {
        lock (_gate)
        {
            foreach (var write in writes)
            {
                Check(write);
            }

            foreach (var write in writes)
            {
                if (write.IsDelete)
                {
                    _entries.Remove(write.Key);
                }
                else
                {
                    var expires = write.Ttl is { } ttl ? time.GetUtcNow() + ttl : (DateTimeOffset?)null;
                    _entries[write.Key] = new StateEntry(write.Value!, ++_version, expires);
                }
            }
        }
    }

    public IReadOnlyList<string> Keys()
    {
        lock (_gate)
        {
            return _entries.Keys.Where(k => Live(k) is not null).ToList();
        }
    }

    private void Check(StateWrite write)
    {
        var current = Live(write.Key);
        if (write.Concurrency == Concurrency.LastWrite)
        {
            return;
        }

        if (!string.IsNullOrEmpty(write.ETag))
        {
            if (current is null || current.ETag != write.ETag)
            {
                throw new EtagMismatchException(write.Key);
            }
        }
        else if (write.Concurrency == Concurrency.FirstWrite && current is not null && !write.IsDelete)
        {
            throw new EtagMismatchException(write.Key);
        }
    }

    private StateEntry? Live(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            _entries.Remove(key);
            return null;
        }

        return entry;
    }
}

public sealed class EtagMismatchException(string key) : Exception($"ETag mismatch for key {key}.");
