using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Domain;
using CsCheck;

namespace AirisEpm.TraceService.Tests.Analysis;

/// <summary>
/// The replicas' shared pair of one caller span: whichever order its halves are saved in, each call is made by exactly
/// one change, and a callee after a virtual caller is late, as on one replica.
/// </summary>
public sealed class SharedPairTests
{
    private const string Trace = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static CallerHalf Caller(string? peer = "api", string service = "web", bool error = false) =>
        new(Trace, "c1", service, SpanKind.Client, error, 100, 80, peer, TargetKind.Service);

    private static CalleeHalf Callee(string id = "s1", string service = "api", bool error = false, long duration = 60) =>
        new(Trace, "c1", id, service, error, duration);

    [Fact]
    public void A_callee_first_then_its_caller_makes_one_call_with_the_callees_duration()
    {
        var (afterCallee, none) = SharedPair.WithCallee(null, Callee());
        var (afterCaller, calls) = SharedPair.WithCaller(afterCallee, Caller());

        Assert.Empty(none);
        Assert.Equal([new ServiceCall("web", "api", TargetKind.Service, 60, false, Trace, 100)], calls);
        Assert.False(afterCaller!.Caller!.IsVirtual);
    }

    [Fact]
    public void A_caller_first_without_callees_is_its_virtual_peer_and_a_later_callee_is_late()
    {
        var (virtualCaller, calls) = SharedPair.WithCaller(null, Caller(peer: "payments.example"));
        var (_, late) = SharedPair.WithCallee(virtualCaller, Callee());

        Assert.Equal([new ServiceCall("web", "payments.example", TargetKind.Service, 80, false, Trace, 100)], calls);
        Assert.Empty(late);
    }

    [Fact]
    public void An_unnamed_caller_counts_nothing_alone_and_its_late_callee_still_makes_the_call()
    {
        var (unnamed, calls) = SharedPair.WithCaller(null, Caller(peer: null));
        var (_, late) = SharedPair.WithCallee(unnamed, Callee(error: true));

        Assert.Empty(calls);
        Assert.Equal([new ServiceCall("web", "api", TargetKind.Service, 60, true, Trace, 100)], late);
    }

    [Fact]
    public void Halves_saved_twice_and_callees_of_the_callers_own_service_change_nothing_more()
    {
        var (one, _) = SharedPair.WithCallee(null, Callee());
        Assert.Equal((null, 0), Count(SharedPair.WithCallee(one, Callee())));
        var (decided, _) = SharedPair.WithCaller(one, Caller(error: true));
        Assert.Equal((null, 0), Count(SharedPair.WithCaller(decided, Caller())));

        var (sameService, none) = SharedPair.WithCaller(SharedPair.WithCallee(null, Callee(service: "web")).Next, Caller());
        Assert.Empty(none);
        Assert.False(sameService!.Caller!.IsVirtual);
    }

    /// <summary>Any order of one caller and some callees: the cross-service callees count once each, or the virtual peer once.</summary>
    [Fact]
    public void In_any_order_every_call_is_made_once()
    {
        var callees = Gen.Select(Gen.Int[0, 5], Gen.Bool).Array[0, 5]
            .Select(xs => xs.Select((x, i) => Callee(id: "s" + i, service: x.Item2 ? "web" : "api" + x.Item1)).ToArray());
        Gen.Select(callees, Gen.Int[0, 5], Gen.Bool).Sample((all, at, named) =>
        {
            var order = all.Cast<CallHalf>().ToList();
            var caller = Caller(peer: named ? "peer" : null);
            order.Insert(Math.Min(at, order.Count), caller);
            SharedPair? state = null;
            var calls = new List<ServiceCall>();
            foreach (var half in order)
            {
                var (next, made) = half is CallerHalf c ? SharedPair.WithCaller(state, c) : SharedPair.WithCallee(state, (CalleeHalf)half);
                state = next ?? state;
                calls.AddRange(made);
            }

            var before = order.IndexOf(caller);
            var crossService = all.Where(c => c.Service != "web").ToList();
            var expected = before == 0 && named
                ? [("web", "peer")]
                : crossService.Select(c => ("web", c.Service)).ToList();
            Assert.Equal(expected.Order(), calls.Select(c => (c.From, c.To)).Order());
        }, iter: 2000);
    }

    private static (SharedPair? Next, int Calls) Count((SharedPair? Next, IReadOnlyList<ServiceCall> Calls) change) => (change.Next, change.Calls.Count);
}
