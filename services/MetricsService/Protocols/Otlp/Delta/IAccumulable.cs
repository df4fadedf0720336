namespace AirisEpm.MetricsService.Protocols.Otlp.Delta;

/// <summary>A cumulative value a delta adds to.</summary>
public interface IAccumulable<T>
    where T : class
{
    /// <summary>This plus <paramref name="delta"/>, or null when they cannot add up (other bucket bounds): the stream restarts.</summary>
    T? Plus(T delta);
}
