namespace AirisEpm.LogService.Apis.Loki;

/// <summary>A request parameter that cannot be read; answered 400 <c>bad_data</c> naming the parameter.</summary>
public sealed class LokiParameterException(string parameter, string problem) : Exception($"invalid parameter '{parameter}': {problem}")
{
    public string Parameter { get; } = parameter;
}
