using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// Finds the first string (or property name) that is not Unicode text: raw bytes that are not UTF-8, or an escaped lone
/// surrogate such as <c>"\ud800"</c>. <see cref="JsonDocument"/> accepts both and throws only when the string is read,
/// and reading one is the only test it offers, hence the catch.
/// </summary>
internal static class UnicodeCheck
{
    public static string? FirstInvalid(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(() => element.GetString()) ? null : path;
            case JsonValueKind.Object:
                var index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (!Readable(() => property.Name)) return GrafanaJson.Join(path, $"<property {index}>");
                    if (FirstInvalid(property.Value, GrafanaJson.Join(path, property.Name)) is { } inner) return inner;
                    index++;
                }

                return null;
            case JsonValueKind.Array:
                var item = 0;
                foreach (var value in element.EnumerateArray())
                {
                    if (FirstInvalid(value, $"{path}[{item++}]") is { } inner) return inner;
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
