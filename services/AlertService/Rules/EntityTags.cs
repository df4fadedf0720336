using Microsoft.Net.Http.Headers;

namespace AirisEpm.AlertService.Rules;

/// <summary>State-store ETags as HTTP entity tags: quoted on the way out, unquoted (W/ ignored) on the way in.</summary>
public static class EntityTags
{
    public static string Quote(string etag) => $"\"{etag}\"";

    /// <summary>The ETag If-Match names; null when absent or <c>*</c> (any current version).</summary>
    public static string? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        return header.Trim('"');
    }
}
