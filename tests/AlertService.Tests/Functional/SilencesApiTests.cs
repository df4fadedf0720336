using System.Net;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class SilencesApiTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    [Fact]
    public async Task Silence_lifecycle_create_get_list_expire()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var id = (await PostAsync(client, "/api/v2/silences", Silences.For(new { name = "service", value = "api", isRegex = false })))
            .GetProperty("silenceID").GetString();
        var silence = await GetAsync(client, $"/api/v2/silence/{id}");
        var matcher = Assert.Single(silence.GetProperty("matchers").EnumerateArray());

        Assert.Equal(id, silence.GetProperty("id").GetString());
        Assert.Equal("active", silence.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(("service", "api", false, true), (matcher.GetProperty("name").GetString(), matcher.GetProperty("value").GetString(),
            matcher.GetProperty("isRegex").GetBoolean(), matcher.GetProperty("isEqual").GetBoolean()));
        Assert.Equal("tester", silence.GetProperty("createdBy").GetString());
        Assert.Equal("maintenance", silence.GetProperty("comment").GetString());
        Assert.Single((await GetAsync(client, "/api/v2/silences?filter=service%3D%22api%22")).EnumerateArray());
        Assert.Empty((await GetAsync(client, "/api/v2/silences?filter=service%3D%22db%22")).EnumerateArray());

        var deleted = await client.DeleteAsync($"/api/v2/silence/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("expired", (await GetAsync(client, $"/api/v2/silence/{id}")).GetProperty("status").GetProperty("state").GetString());
        var again = await client.DeleteAsync($"/api/v2/silence/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Update_with_same_matchers_keeps_the_id_and_changed_matchers_replace_it()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        var start = factory.Clock.GetUtcNow().AddMinutes(-1);
        object Body(string value, string? id) => new
        {
            id,
            matchers = new[] { new { name = "service", value, isRegex = false, isEqual = true } },
            startsAt = start,
            endsAt = start.AddHours(2),
            createdBy = "tester",
            comment = "longer",
        };

        var id = (await PostAsync(client, "/api/v2/silences", Body("api", null))).GetProperty("silenceID").GetString();
        // Creating clamps a past start to now; an update must send the stored start back (as amtool does).
        start = (await GetAsync(client, $"/api/v2/silence/{id}")).GetProperty("startsAt").GetDateTimeOffset();
        var same = (await PostAsync(client, "/api/v2/silences", Body("api", id))).GetProperty("silenceID").GetString();
        var replaced = (await PostAsync(client, "/api/v2/silences", Body("db", id))).GetProperty("silenceID").GetString();

        Assert.Equal(id, same);
        Assert.NotEqual(id, replaced);
        Assert.Equal("expired", (await GetAsync(client, $"/api/v2/silence/{id}")).GetProperty("status").GetProperty("state").GetString());
    }

    public static TheoryData<object, string> BadSilences => new()
    {
        { new { matchers = new[] { new { name = "service", value = "(", isRegex = true } }, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1), createdBy = "a", comment = "c" }, "Matchers[0]" },
        { new { matchers = new[] { new { name = "bad-name", value = "x", isRegex = false } }, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1), createdBy = "a", comment = "c" }, "Matchers[0]" },
        { new { matchers = Array.Empty<object>(), startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1), createdBy = "a", comment = "c" }, "Matchers" },
        { new { matchers = new[] { new { name = "a", value = "b", isRegex = false } }, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(-1), createdBy = "a", comment = "c" }, "EndsAt" },
        { new { matchers = new[] { new { name = "a", value = "b", isRegex = false } }, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1), createdBy = "", comment = "c" }, "CreatedBy" },
        { new { matchers = new[] { new { name = "a", value = ".*", isRegex = true } }, startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1), createdBy = "a", comment = "c" }, "matchers" },
    };

    [Theory]
    [MemberData(nameof(BadSilences))]
    public async Task Bad_silence_is_a_400_naming_the_field(object body, string field)
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var problem = await PostAsync(client, "/api/v2/silences", body, HttpStatusCode.BadRequest);

        Assert.Contains(field, ErrorKeys(problem));
    }

    [Fact]
    public async Task Unknown_silence_id_is_a_404_problem_everywhere()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        var body = new
        {
            id = "no-such-silence",
            matchers = new[] { new { name = "a", value = "b", isRegex = false } },
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            createdBy = "a",
            comment = "c",
        };

        var get = await client.GetAsync("/api/v2/silence/no-such-silence", TestContext.Current.CancellationToken);
        var delete = await client.DeleteAsync("/api/v2/silence/no-such-silence", TestContext.Current.CancellationToken);
        var update = await client.PostAsync("/api/v2/silences", System.Net.Http.Json.JsonContent.Create(body), TestContext.Current.CancellationToken);

        foreach (var (name, response) in new[] { ("get", get), ("delete", delete), ("update", update) })
        {
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{name}: {response.StatusCode}");
            Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, $"{name}: {response.Content.Headers.ContentType}");
        }
    }
}
