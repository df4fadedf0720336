using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace AirisEpm.LogService.Patterns;

/// <summary>
/// A pattern's id: the XxHash64 (seed 0) of its template's UTF-8 bytes as 16 lower-case hex digits. A pure
/// function of the template text, so every replica and every restart names a template alike, and records
/// stored with an id can be joined to the pattern after any number of restarts. 64 bits make a collision
/// unlikely until billions of templates (birthday bound).
/// </summary>
public static class PatternId
{
    public static string Of(ReadOnlySpan<char> template)
    {
        var max = Encoding.UTF8.GetMaxByteCount(template.Length);
        byte[]? rented = null;
        var bytes = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(template, bytes);
            return XxHash64.HashToUInt64(bytes[..length]).ToString("x16", CultureInfo.InvariantCulture);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
