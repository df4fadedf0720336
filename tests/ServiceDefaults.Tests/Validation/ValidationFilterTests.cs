using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Tests.Hosting;
using AirisEpm.ServiceDefaults.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.ServiceDefaults.Tests.Validation;

public sealed class ValidationFilterTests
{
    public sealed record Widget(string Name, int Count);

    public sealed class WidgetValidator : AbstractValidator<Widget>
    {
        public WidgetValidator()
        {
            RuleFor(w => w.Name).NotEmpty();
            RuleFor(w => w.Count).InclusiveBetween(1, 10);
        }
    }

    private static Task<WebApplication> StartAsync() => TestApp.StartAsync(
        app => app.MapPost("/widgets", (Widget widget) => TypedResults.Ok(widget)).WithValidation<Widget>(),
        configure: builder => builder.Services.AddValidatorsOf<WidgetValidator>());

    [Fact]
    public async Task A_valid_body_reaches_the_handler()
    {
        await using var app = await StartAsync();
        var response = await app.GetTestClient().PostAsJsonAsync("/widgets", new Widget("gear", 3), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_invalid_body_answers_a_validation_problem_naming_each_field()
    {
        await using var app = await StartAsync();
        var response = await app.GetTestClient().PostAsJsonAsync("/widgets", new Widget("", 42), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(["Count", "Name"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("between 1 and 10", errors.GetProperty("Count")[0].GetString());
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_not_500()
    {
        await using var app = await StartAsync();
        using var body = new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await app.GetTestClient().PostAsync("/widgets", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
