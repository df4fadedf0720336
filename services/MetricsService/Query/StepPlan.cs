using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Query;

/// <summary>
/// The buckets a range query answers: t_i = start + i·step for i in [0, n), n = ⌊(end−start)/step⌋+1,
/// bucket i covering [t_i, t_i+step). The tier follows the step: raw below one minute, 1m below
/// one hour, 1h from one hour up — the coarsest tier whose buckets still fit in a step.
/// </summary>
public readonly record struct StepPlan(long StartMs, long EndMs, long StepMs)
{
    public long Buckets => ((EndMs - StartMs) / StepMs) + 1;

    public long BucketStart(long index) => StartMs + (index * StepMs);

    public StorageTier ChooseTier() => StepMs switch
    {
        < 60_000 => StorageTier.Raw,
        < 3_600_000 => StorageTier.Minute,
        _ => StorageTier.Hour,
    };
}
