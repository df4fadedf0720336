using AirisEpm.ServiceDefaults.Dapr;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.ServiceDefaults.Tests.Dapr;

public sealed class IdempotentSubscriptionFilterTests
{
    public static TheoryData<string, int, object?, bool> Outcomes => new()
    {
        { "plain object on 200", 200, new { done = true }, true },
        { "no result (void handler)", 200, null, true },
        { "Ok result", 200, TypedResults.Ok(), true },
        { "Accepted result", 200, TypedResults.Accepted("/x"), true },
        { "problem result", 200, TypedResults.Problem(statusCode: 500), false },
        { "NotFound result", 200, TypedResults.NotFound(), false },
        { "redirect result", 200, TypedResults.Redirect("/x"), false },
        { "Empty result", 200, Results.Empty, true },
        { "Json result without a status", 200, TypedResults.Json(new { }), true },
        { "handler set 500 on the response", 500, null, false },
        { "handler set 409 on the response", 409, new { }, false },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Only_a_successful_outcome_is_remembered(string outcome, int responseStatus, object? result, bool handled)
    {
        Assert.True(handled == IdempotentSubscriptionFilter.Handled(responseStatus, result), outcome);
    }
}
