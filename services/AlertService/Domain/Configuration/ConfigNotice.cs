namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>
/// Something a configuration asks for that loads but that alert-service does not do (an integration
/// type it cannot perform, Go template files it does not read): where, and what happens instead.
/// Answered by <c>PUT /api/v1/alerting/config</c> and <c>GET /api/v2/status</c>; never a reason to refuse the file.
/// </summary>
public sealed record ConfigNotice(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
