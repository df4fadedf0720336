using System.Collections.Concurrent;

namespace AirisEpm.DaprTestSidecar.Bindings;

/// <summary>Every output binding call of a mesh, in order.</summary>
public sealed class BindingRecorder
{
    private readonly ConcurrentQueue<BindingCall> _calls = new();

    public IReadOnlyList<BindingCall> Calls => _calls.ToList();

    public IReadOnlyList<BindingCall> For(string name) => _calls.Where(c => c.Name == name).ToList();

    internal void Record(BindingCall call) => _calls.Enqueue(call);
}
