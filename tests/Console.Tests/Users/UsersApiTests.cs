using System.Net;
using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Users;

public sealed class UsersApiTests(ConsoleWorld world) : IClassFixture<ConsoleWorld>
{
    [Fact]
    public async Task The_admin_creates_lists_changes_and_deletes_an_account()
    {
        using var admin = await world.AdminAsync();
        using (var created = await admin.PostJsonAsync("/api/users", new { name = "Carol", role = "editor", password = ConsoleWorld.UserPassword }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await ConsoleClient.JsonAsync(created);
            Assert.Equal("carol", body.GetProperty("name").GetString());
            Assert.False(body.TryGetProperty("passwordHash", out _));
        }

        using (var list = await admin.GetAsync("/api/users"))
        {
            var users = (await ConsoleClient.JsonAsync(list)).EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("role").GetString());
            Assert.Equal("editor", users["carol"]);
            Assert.Equal("admin", users["admin"]);
        }

        using (var changed = await admin.PutJsonAsync("/api/users/carol", new { role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal("viewer", (await ConsoleClient.JsonAsync(changed)).GetProperty("role").GetString());
        }

        using (var carol = world.Client())
        using (var login = await carol.LoginAsync("carol", ConsoleWorld.UserPassword))
        {
            Assert.Equal("viewer", (await ConsoleClient.JsonAsync(login)).GetProperty("role").GetString());
        }

        using (var deleted = await admin.DeleteAsync("/api/users/carol"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await admin.DeleteAsync("/api/users/carol");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_second_account_of_the_same_name_answers_409()
    {
        using var admin = await world.AdminAsync();
        using (var first = await admin.PostJsonAsync("/api/users", new { name = "dave", role = "viewer", password = ConsoleWorld.UserPassword }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await admin.PostJsonAsync("/api/users", new { name = "DAVE", role = "admin", password = ConsoleWorld.UserPassword });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData("{\"name\": \"x1\", \"role\": \"owner\", \"password\": \"a-long-enough-password\"}", "Role")]
    [InlineData("{\"name\": \"x2\", \"role\": \"viewer\", \"password\": \"short\"}", "Password")]
    [InlineData("{\"name\": \"no spaces\", \"role\": \"viewer\", \"password\": \"a-long-enough-password\"}", "Name")]
    [InlineData("{\"role\": \"viewer\", \"password\": \"a-long-enough-password\"}", "name")]
    public async Task Invalid_accounts_answer_400_naming_the_field(string body, string field)
    {
        using var admin = await world.AdminAsync();
        using var response = await admin.PostRawAsync("/api/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ConsoleClient.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}");
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("\"just a string\"")]
    public async Task Bad_json_answers_400_problem(string body)
    {
        using var admin = await world.AdminAsync();
        using var response = await admin.PostRawAsync("/api/users", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_deleted()
    {
        using var admin = await world.AdminAsync();
        using (var demoted = await admin.PutJsonAsync("/api/users/admin", new { role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        }

        using var deleted = await admin.DeleteAsync("/api/users/admin");
        Assert.Equal(HttpStatusCode.Conflict, deleted.StatusCode);
    }

    [Fact]
    public async Task Changing_an_unknown_account_answers_404()
    {
        using var admin = await world.AdminAsync();
        using var response = await admin.PutJsonAsync("/api/users/nobody-here", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("editor")]
    public async Task Only_admins_manage_accounts(string role)
    {
        var (_, client) = await world.UserAsync(role);
        using (client)
        {
            using (var list = await client.GetAsync("/api/users"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
                Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
            }

            using var create = await client.PostJsonAsync("/api/users", new { name = "mallory", role = "admin", password = ConsoleWorld.UserPassword });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }
    }

    [Fact]
    public async Task Without_a_session_the_users_api_answers_401()
    {
        using var client = world.Client();
        using var response = await client.GetAsync("/api/users");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_change_without_the_antiforgery_header_answers_400()
    {
        using var admin = await world.AdminAsync();
        admin.SendsAntiforgery = false;
        using var response = await admin.PostJsonAsync("/api/users", new { name = "erin", role = "viewer", password = ConsoleWorld.UserPassword });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_new_password_or_a_deletion_ends_the_accounts_sessions()
    {
        var (name, client) = await world.UserAsync("editor");
        using (client)
        using (var admin = await world.AdminAsync())
        {
            using (var changed = await admin.PutJsonAsync($"/api/users/{name}", new { password = "another-long-password" }))
            {
                Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            }

            using (var after = await client.GetAsync("/api/session"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
            }

            using (var again = await client.LoginAsync(name, "another-long-password"))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            using (var deleted = await admin.DeleteAsync($"/api/users/{name}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            using var gone = await client.GetAsync("/api/apps");
            Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
        }
    }
}
