using System.Net;
using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Session;

public sealed class SessionTests(ConsoleWorld world) : IClassFixture<ConsoleWorld>
{
    [Fact]
    public async Task Without_a_session_the_session_answers_401_with_the_methods_and_sets_the_antiforgery_cookie()
    {
        using var client = world.Client();
        using var response = await client.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ConsoleClient.JsonAsync(response);
        Assert.Equal(["local"], body.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.False(string.IsNullOrEmpty(client.Cookie("XSRF-TOKEN")));
    }

    [Fact]
    public async Task The_admin_signs_in_with_an_http_only_strict_cookie_and_holds_every_permission()
    {
        using var client = world.Client();
        using var login = await client.LoginAsync(ConsoleWorld.AdminName, ConsoleWorld.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await ConsoleClient.JsonAsync(login);
        Assert.Equal("admin", body.GetProperty("name").GetString());
        Assert.Equal("admin", body.GetProperty("role").GetString());
        Assert.Contains("admin", body.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("airis-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", session.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);

        using var current = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("admin", (await ConsoleClient.JsonAsync(current)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Names_are_case_insensitive()
    {
        using var client = world.Client();
        using var login = await client.LoginAsync("ADMIN", ConsoleWorld.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [InlineData(ConsoleWorld.AdminName, "not-the-password")]
    [InlineData("nobody", ConsoleWorld.AdminPassword)]
    [InlineData("not a valid name!", "whatever-it-is")]
    public async Task A_wrong_name_or_password_answers_401_alike(string username, string password)
    {
        using var client = world.Client();
        using var login = await client.LoginAsync(username, password);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var problem = await ConsoleClient.JsonAsync(login);
        Assert.Equal("invalid username or password", problem.GetProperty("title").GetString());
        Assert.DoesNotContain(login.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("airis-session=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"username\": \"admin\", ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"username\": 5, \"password\": true}")]
    public async Task Bad_json_answers_400_problem(string body)
    {
        using var client = world.Client();
        using (await client.GetAsync("/api/session"))
        {
        }

        using var login = await client.PostRawAsync("/api/session/login", body);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_password_answers_400_naming_it()
    {
        using var client = world.Client();
        using (await client.GetAsync("/api/session"))
        {
        }

        using var login = await client.PostJsonAsync("/api/session/login", new { username = "admin" });

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.True((await ConsoleClient.JsonAsync(login)).GetProperty("errors").TryGetProperty("Password", out _));
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_header_answers_400()
    {
        using var client = world.Client();
        client.SendsAntiforgery = false;
        using var login = await client.LoginAsync(ConsoleWorld.AdminName, ConsoleWorld.AdminPassword);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Contains("X-XSRF-TOKEN", (await ConsoleClient.JsonAsync(login)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_from_another_session_is_refused()
    {
        using var other = world.Client();
        using (await other.GetAsync("/api/session"))
        {
        }

        using var client = world.Client();
        client.SendsAntiforgery = false;
        using (await client.GetAsync("/api/session"))
        {
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { username = ConsoleWorld.AdminName, password = ConsoleWorld.AdminPassword }),
        };
        request.Headers.Add("X-XSRF-TOKEN", other.Cookie("XSRF-TOKEN"));
        using var login = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task The_token_issued_before_sign_in_does_not_serve_the_session()
    {
        using var client = world.Client();
        using (await client.GetAsync("/api/session"))
        {
        }

        var anonymousToken = client.Cookie("XSRF-TOKEN");
        using (var login = await client.PostJsonAsync("/api/session/login", new { username = ConsoleWorld.AdminName, password = ConsoleWorld.AdminPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        Assert.NotEqual(anonymousToken, client.Cookie("XSRF-TOKEN"));
        client.SendsAntiforgery = false;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session/logout");
        request.Headers.Add("X-XSRF-TOKEN", anonymousToken);
        using var logout = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = await world.AdminAsync();
        using var logout = await client.PostJsonAsync("/api/session/logout", new { });
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var current = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.Unauthorized, current.StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_header_answers_400_and_keeps_the_session()
    {
        using var client = await world.AdminAsync();
        client.SendsAntiforgery = false;
        using var logout = await client.PostJsonAsync("/api/session/logout", new { });
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);

        using var current = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Oidc_sign_in_answers_404_when_no_provider_is_configured()
    {
        using var client = world.Client();
        using var response = await client.GetAsync("/api/session/oidc?returnUrl=/alerts");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
