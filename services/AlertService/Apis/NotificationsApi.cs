using AirisEpm.AlertService.Notifications;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.AlertService.Apis;

/// <summary>/api/v1/notifications: the recent notifications of this replica with their outcome.</summary>
public static class NotificationsApi
{
    public const int MaxLimit = NotificationLog.Capacity;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", List).WithName("ListNotifications").WithTags("Notifications")
            .RequireAuthorization(Permissions.AlertsRead);
        return app;
    }

    public static Results<Ok<IReadOnlyList<NotificationRecord>>, ValidationProblem> List(
        NotificationLog log, [FromQuery] int? limit, [FromQuery] string? receiver, [FromQuery] string? groupKey)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"must be between 1 and {MaxLimit}"] });
        }

        return TypedResults.Ok(log.Recent(limit ?? 100, receiver, groupKey));
    }
}
