namespace AirisEpm.Protocols;

/// <summary>A request body that cannot be decoded or breaks a limit; the endpoint answers 400 with the message.</summary>
public sealed class MalformedPayloadException(string message) : Exception(message);
