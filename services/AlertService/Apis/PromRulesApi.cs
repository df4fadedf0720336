using System.Text;
using System.Text.Json.Nodes;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Rules.Prometheus;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Apis;

/// <summary>
/// Prometheus rule files and Prometheus's read API over them.
/// <list type="bullet">
/// <item><c>PUT /api/v1/rules/files/{name}</c> (alerts:write): the YAML body checked as <c>promtool check rules</c>
/// checks it (400 ProblemDetails with promtool's errors, naming group and rule), stored before the answer
/// (201 new, 200 replaced), its groups evaluated from then on.</item>
/// <item><c>GET /api/v1/rules/files</c>, <c>GET|DELETE /api/v1/rules/files/{name}</c>.</item>
/// <item><c>GET /api/v1/rules</c> and <c>GET /api/v1/alerts</c> (alerts:read): Prometheus's JSON, for
/// metrics-service's Prometheus API to answer these paths from here.</item>
/// </list>
/// </summary>
public static class PromRulesApi
{
    public static IEndpointRouteBuilder MapPromRulesApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/v1/rules/files").WithTags("Prometheus rule files");
        files.MapGet("/", ListFilesAsync).WithName("ListRuleFiles").RequireAuthorization(Permissions.AlertsRead);
        files.MapGet("/{name}", GetFileAsync).WithName("GetRuleFile").RequireAuthorization(Permissions.AlertsRead);
        files.MapPut("/{name}", PutFileAsync).WithName("PutRuleFile").RequireAuthorization(Permissions.AlertsWrite);
        files.MapDelete("/{name}", DeleteFileAsync).WithName("DeleteRuleFile").RequireAuthorization(Permissions.AlertsWrite);
        app.MapGet("/api/v1/rules", PrometheusRulesAsync).WithName("PrometheusRules").WithTags("Prometheus rules").RequireAuthorization(Permissions.AlertsRead);
        app.MapGet("/api/v1/alerts", PrometheusAlertsAsync).WithName("PrometheusAlerts").WithTags("Prometheus rules").RequireAuthorization(Permissions.AlertsRead);
        return app;
    }

    public sealed record RuleFileSummary(string Name, DateTimeOffset UpdatedAt, int Groups, int Rules);

    public static async Task<Ok<IReadOnlyList<RuleFileSummary>>> ListFilesAsync(IRuleFileRepository files, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RuleFileSummary>>((await files.ListAsync(ct)).Select(Summary).ToList());

    public static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>>> GetFileAsync(string name, IRuleFileRepository files, CancellationToken ct) =>
        await files.GetAsync(name, ct) is { } file ? TypedResults.Text(file.Yaml, "application/yaml", Encoding.UTF8) : NotFound(name);

    public static async Task<Results<Created<RuleFileSummary>, Ok<RuleFileSummary>, ProblemHttpResult>> PutFileAsync(
        string name, HttpRequest request, PromRuleFiles ruleFiles, IOptions<PromRuleOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (!PromRuleFiles.IsValidName(name))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid rule file name",
                $"'{name}' is not a rule file name: 1 to 128 of A-Z a-z 0-9 . _ -, starting with a letter or digit.", "name", null);
        }

        if (await ReadBodyAsync(request, options.Value.MaxFileBytes, ct) is not { } yaml)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Rule file too large", $"A rule file may have at most {options.Value.MaxFileBytes} bytes.", "body", null);
        }

        var write = await ruleFiles.PutAsync(name, yaml, ct);
        if (!write.Stored)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid rule file", $"{name}: {write.Errors[0]}", "body", write.Errors.Select(e => $"{name}: {e}").ToList());
        }

        var summary = new RuleFileSummary(name, time.GetUtcNow(), write.File!.Groups.Count, write.File.RuleCount);
        return write.Created ? TypedResults.Created($"/api/v1/rules/files/{name}", summary) : TypedResults.Ok(summary);
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteFileAsync(string name, PromRuleFiles ruleFiles, CancellationToken ct) =>
        await ruleFiles.DeleteAsync(name, ct) ? TypedResults.NoContent() : NotFound(name);

    /// <summary>Prometheus's filters: <c>type</c> (alert|record), <c>rule_name[]</c>, <c>rule_group[]</c>, <c>file[]</c>.</summary>
    public static async Task<IResult> PrometheusRulesAsync(HttpRequest request, PromRuleFiles ruleFiles, PromGroupRunner runner, CancellationToken ct)
    {
        var type = request.Query["type"].ToString().ToLowerInvariant();
        if (type is not ("" or "alert" or "record"))
        {
            return Results.Json(PromRulesJson.Error("bad_data", $"invalid parameter \"type\": not supported value \"{request.Query["type"]}\""), statusCode: 400);
        }

        var names = request.Query["rule_name[]"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        var groupNames = request.Query["rule_group[]"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        var fileNames = request.Query["file[]"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        bool Include(PromRule rule) =>
            (type.Length == 0 || (type == "alert") == (rule is PromAlertingRule)) && (names.Count == 0 || names.Contains(rule.Name));
        var groups = new JsonArray();
        foreach (var (file, group, state) in await ruleFiles.StatesAsync(ct))
        {
            if ((groupNames.Count > 0 && !groupNames.Contains(group.Name)) || (fileNames.Count > 0 && !fileNames.Contains(file))) continue;
            var json = PromRulesJson.Group(file, group, state, runner.IntervalOf(group), Include);
            if (names.Count > 0 && json["rules"]!.AsArray().Count == 0) continue;
            groups.Add(json);
        }

        return Results.Json(PromRulesJson.Success(new JsonObject { ["groups"] = groups }));
    }

    public static async Task<IResult> PrometheusAlertsAsync(PromRuleFiles ruleFiles, CancellationToken ct)
    {
        var alerts = new JsonArray();
        foreach (var (_, group, state) in await ruleFiles.StatesAsync(ct))
        {
            foreach (var status in state.AlignedTo(group).Where(s => s.Alerting))
            {
                foreach (var alert in PromRulesJson.Active(status.Alerts)) alerts.Add(PromRulesJson.Alert(alert));
            }
        }

        return Results.Json(PromRulesJson.Success(new JsonObject { ["alerts"] = alerts }));
    }

    private static RuleFileSummary Summary(StoredRuleFile file)
    {
        var groups = PromRuleGroups.Groups(file);
        return new RuleFileSummary(file.Name, file.UpdatedAt, groups.Count, groups.Sum(g => g.Rules.Count));
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static NotFound<ProblemDetails> NotFound(string name) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Rule file not found",
        Detail = $"No rule file is named '{name}'.",
        Status = StatusCodes.Status404NotFound,
    });

    private static ProblemHttpResult Problem(int status, string title, string detail, string field, IReadOnlyList<string>? errors)
    {
        var extensions = new Dictionary<string, object?> { ["field"] = field };
        if (errors is not null) extensions["errors"] = errors;
        return TypedResults.Problem(title: title, detail: detail, statusCode: status, extensions: extensions);
    }
}
