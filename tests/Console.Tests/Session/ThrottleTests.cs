using System.Net;
using AirisEpm.Console.Tests.Support;

namespace AirisEpm.Console.Tests.Session;

/// <summary>The default throttle: five free failures per account, twenty per client address, then 429 with Retry-After.</summary>
public sealed class ThrottleTests(ThrottleTests.World world) : IClassFixture<ThrottleTests.World>
{
    public sealed class World : ConsoleWorld
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Console:AdminPassword"] = AdminPassword,
        };
    }

    [Fact]
    public async Task Repeated_failures_pause_the_account_even_for_the_right_password_then_the_address()
    {
        using var client = world.Client();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.LoginAsync(ConsoleWorld.AdminName, "wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var sixth = await client.LoginAsync(ConsoleWorld.AdminName, "wrong-password-6"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        }

        using (var right = await client.LoginAsync(ConsoleWorld.AdminName, ConsoleWorld.AdminPassword))
        {
            Assert.Equal((HttpStatusCode)429, right.StatusCode);
            Assert.True(int.Parse(right.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        }

        // Other names from the same address: 20 failures in all are free, the next ones are paused too.
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 16; attempt++)
        {
            using var other = await client.LoginAsync($"someone-{attempt}", "wrong-password");
            statuses.Add(other.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[13]);
        Assert.Equal((HttpStatusCode)429, statuses[^1]);
    }
}
