namespace AirisEpm.TraceService.Apis.Jaeger;

/// <summary>A query parameter Jaeger's API would refuse; the message is Jaeger's wording where Jaeger has one.</summary>
public sealed class JaegerParameterException(string message) : Exception(message);
