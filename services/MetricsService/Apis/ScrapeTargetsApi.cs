using AirisEpm.MetricsService.Scraping;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Apis;

/// <summary>Scrape targets kept in the state store, and the <c>scrape-tick</c> cron binding that scrapes them.</summary>
public static class ScrapeTargetsApi
{
    public const string Path = "/api/v1/scrape-targets";
    public const string TickPath = "/" + DaprComponents.ScrapeTick;

    public static IEndpointRouteBuilder MapScrapeTargetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Scrape targets");
        group.MapGet("/", ListAsync).WithName("ListScrapeTargets").RequireAuthorization(Permissions.MetricsRead);
        group.MapGet("/{id}", GetAsync).WithName("GetScrapeTarget").RequireAuthorization(Permissions.MetricsRead);
        group.MapPost("/", CreateAsync).WithName("CreateScrapeTarget").RequireAuthorization(Permissions.MetricsWrite)
            .WithValidation<ScrapeTargetRequest>();
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateScrapeTarget").RequireAuthorization(Permissions.MetricsWrite)
            .WithValidation<ScrapeTargetRequest>();
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteScrapeTarget").RequireAuthorization(Permissions.MetricsWrite);

        // Dapr's cron input binding POSTs to /<binding name> on every tick.
        app.MapPost(TickPath, TickAsync).WithName("ScrapeTick").WithTags("Scrape targets").RequireSidecar();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ScrapeTarget>>> ListAsync([FromServices] IScrapeTargetRepository repository, CancellationToken cancellationToken) =>
        TypedResults.Ok(await repository.ListAsync(cancellationToken));

    public static async Task<Results<Ok<ScrapeTarget>, ProblemHttpResult>> GetAsync(
        string id, [FromServices] IScrapeTargetRepository repository, CancellationToken cancellationToken) =>
        await repository.GetAsync(id, cancellationToken) is { } target ? TypedResults.Ok(target) : NotFoundProblem(id);

    public static async Task<Created<ScrapeTarget>> CreateAsync(
        ScrapeTargetRequest request,
        [FromServices] IScrapeTargetRepository repository,
        [FromServices] IOptions<ScrapingOptions> options,
        CancellationToken cancellationToken)
    {
        var target = request.ToTarget(Guid.NewGuid().ToString("N"), options.Value);
        await repository.SaveAsync(target, cancellationToken);
        return TypedResults.Created($"{Path}/{target.Id}", target);
    }

    public static async Task<Results<Ok<ScrapeTarget>, ProblemHttpResult>> UpdateAsync(
        string id,
        ScrapeTargetRequest request,
        [FromServices] IScrapeTargetRepository repository,
        [FromServices] IOptions<ScrapingOptions> options,
        CancellationToken cancellationToken)
    {
        if (await repository.GetAsync(id, cancellationToken) is null)
        {
            return NotFoundProblem(id);
        }

        var target = request.ToTarget(id, options.Value);
        await repository.SaveAsync(target, cancellationToken);
        return TypedResults.Ok(target);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, [FromServices] IScrapeTargetRepository repository, CancellationToken cancellationToken) =>
        await repository.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFoundProblem(id);

    public static async Task<Ok<ScrapeTickResult>> TickAsync([FromServices] ScrapeCoordinator coordinator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await coordinator.TickAsync(cancellationToken));

    private static ProblemHttpResult NotFoundProblem(string id) =>
        TypedResults.Problem(title: "Scrape target not found", detail: $"No scrape target has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
