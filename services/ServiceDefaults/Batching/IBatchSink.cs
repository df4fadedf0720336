namespace AirisEpm.ServiceDefaults.Batching;

/// <summary>Where a <see cref="BatchingWriter{T}"/> makes its batches durable (a store's bulk insert).</summary>
public interface IBatchSink<T>
{
    /// <summary>Writes the whole batch or throws; a throw makes the writer retry the same batch.</summary>
    Task WriteBatchAsync(IReadOnlyList<T> batch, CancellationToken cancellationToken);
}
