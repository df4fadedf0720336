using System.Net.Http.Headers;

namespace AirisEpm.DaprTestSidecar.Bindings;

/// <summary>
/// bindings.http: create/post, get, put, patch, delete, head, options to the component URL plus
/// the "path" metadata; metadata keys starting with a capital letter travel as request headers;
/// with errorIfNot2XX a non-2xx answer fails the call. The answer's status is metadata "statusCode".
/// </summary>
public sealed class HttpBinding(IReadOnlyDictionary<string, string> component, HttpClient http) : IOutputBinding
{
    public async Task<BindingResult> InvokeAsync(BindingRequest request, CancellationToken cancellationToken)
    {
        var method = request.Operation switch
        {
            "create" or "post" => HttpMethod.Post,
            "get" => HttpMethod.Get,
            "put" => HttpMethod.Put,
            "patch" => HttpMethod.Patch,
            "delete" => HttpMethod.Delete,
            "head" => HttpMethod.Head,
            "options" => HttpMethod.Options,
            _ => throw new BindingException($"invalid operation: {request.Operation}"),
        };
        var baseUrl = component.GetValueOrDefault("url") ?? throw new BindingException("url is required");
        var url = request.Value("path") is { } path ? baseUrl.TrimEnd('/') + "/" + path.TrimStart('/') : baseUrl;
        using var message = new HttpRequestMessage(method, url);
        if (request.Data.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Data);
        }

        foreach (var (key, value) in request.Metadata.Where(m => m.Key.Length > 0 && char.IsUpper(m.Key[0])))
        {
            if (!message.Headers.TryAddWithoutValidation(key, value) && message.Content is not null)
            {
                message.Content.Headers.Remove(key);
                message.Content.Headers.TryAddWithoutValidation(key, value);
            }
        }

        message.Content?.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (status is < 200 or >= 300 && component.GetValueOrDefault("errorIfNot2XX") is "true")
        {
            throw new BindingException($"received status code {status}");
        }

        var metadata = new Dictionary<string, string> { ["statusCode"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            metadata[header.Key] = string.Join(", ", header.Value);
        }

        return new BindingResult(body, metadata);
    }
}
