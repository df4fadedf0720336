namespace AirisEpm.ServiceDefaults.Text;

/// <summary>
/// FNV-1a over a string's UTF-16 code units: the same number in every process and on every replica,
/// unlike <see cref="string.GetHashCode()"/>, which is randomised per process.
/// </summary>
public static class StableHash
{
    public static uint Fnv1a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
