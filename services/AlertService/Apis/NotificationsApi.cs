using AirisEpm.AlertService.Notifications;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.AlertService.Apis;

/// <summary>/api/v1/notifications: the recent notifications of every replica with their outcome.</summary>
public static class NotificationsApi
{
    public const int MaxLimit = 5_000;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", List).WithName("ListNotifications").WithTags("Notifications")
            .RequireAuthorization(Permissions.AlertsRead);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<NotificationRecord>>, ValidationProblem>> List(
        INotificationLog log, [FromQuery] int? limit, [FromQuery] string? receiver, [FromQuery] string? groupKey, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"must be between 1 and {MaxLimit}"] });
        }

        return TypedResults.Ok(await log.RecentAsync(limit ?? 100, receiver, groupKey, ct));
    }
}
