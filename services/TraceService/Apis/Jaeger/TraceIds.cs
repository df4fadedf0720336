namespace AirisEpm.TraceService.Apis.Jaeger;

/// <summary>
/// Trace ids in requests: hex, 1 to 32 digits in any case (Jaeger writes 64-bit ids as 16 digits and drops
/// leading zeros), stored as 32 lowercase digits.
/// </summary>
public static class TraceIds
{
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is 0 or > 32 || !text.All(char.IsAsciiHexDigit))
        {
            throw new JaegerParameterException($"malformed trace id '{(text.Length > 40 ? text[..40] + "…" : text)}': expecting 1 to 32 hex digits");
        }

        return text.ToLowerInvariant().PadLeft(32, '0');
    }
}
