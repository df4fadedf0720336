namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Keeps the error Prometheus would report first when work is done in another order than its step-by-step
/// loop: the earliest step, then the earliest phase within the step, then the earliest series.
/// </summary>
internal sealed class FirstError
{
    private (int Step, int Phase, long Order, string Message)? _first;

    public void Offer(int step, int phase, long order, string message)
    {
        if (_first is not { } current || (step, phase, order).CompareTo((current.Step, current.Phase, current.Order)) < 0)
        {
            _first = (step, phase, order, message);
        }
    }

    public void ThrowIfAny()
    {
        if (_first is { } error)
        {
            throw QueryContext.Error(error.Message);
        }
    }
}
