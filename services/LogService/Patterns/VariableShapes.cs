namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Recognises a token that is a value as a whole: numbers (with a unit: <c>12ms</c>, <c>1.5s</c>,
/// <c>10KB</c>, <c>3e-5</c>), dates, times and IPv4 addresses with a port (digits joined by <c>. : , - / _ +</c>:
/// <c>2015-10-18</c>, <c>18:01:47,978</c>, <c>10.1.2.3:80</c>, <c>2024-05-01T10:00:00Z</c>), IPv6 and MAC
/// addresses, UUIDs, URLs, e-mail addresses, paths, and dotted names holding a digit (host names, versions,
/// file names: <c>node-41.example.com:8020</c>, <c>3.4.6-1569965</c>, <c>core.1234</c>). Anything else
/// with a digit is masked piece by piece by <see cref="TokenMasker"/>, so hex numbers and ids need no
/// rule of their own. Each test is one pass over the token; none allocates.
/// </summary>
internal static class VariableShapes
{
    public static bool IsVariable(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            return false;
        }

        // Only paths, URLs and e-mail addresses can do without a digit; most tokens are words and stop here.
        if (!token.ContainsAnyInRange('0', '9'))
        {
            return IsPath(token) || (token.Contains('@') && IsEmail(token)) || (token.Contains(':') && IsUrl(token));
        }

        return IsNumeric(token) || IsPath(token) || IsUrl(token) || IsEmail(token) || IsUuid(token)
            || IsIPv6(token) || IsDottedNameWithDigit(token);
    }

    /// <summary>
    /// An optional sign, then digits where each separator (<c>. : , - / _ +</c>) and each date-time
    /// <c>T</c> sits between digits, an optional exponent, <c>Z</c>, and unit letters or <c>%</c>.
    /// </summary>
    public static bool IsNumeric(ReadOnlySpan<char> s)
    {
        var i = s[0] is '-' or '+' ? 1 : 0;
        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                i++;
            }
            else if ((c is '.' or ':' or ',' or '-' or '/' or '_' or '+' or 'T') && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                i += 2;
            }
            else if (c is 'e' or 'E' && IsExponent(s[(i + 1)..], out var length))
            {
                i += 1 + length;
            }
            else
            {
                break;
            }
        }

        if (i < s.Length && s[i] == 'Z')
        {
            i++;
        }

        if (i < s.Length && s[i] == '%')
        {
            return i + 1 == s.Length;
        }

        while (i < s.Length && (char.IsAsciiLetter(s[i]) || s[i] == 'µ'))
        {
            i++;
        }

        return i == s.Length;
    }

    private static bool IsExponent(ReadOnlySpan<char> s, out int length)
    {
        var i = s.Length > 0 && s[0] is '-' or '+' ? 1 : 0;
        var digits = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        length = i;
        return i > digits;
    }

    /// <summary><c>/abs/path</c>, <c>./rel</c>, <c>../rel</c>, <c>~/home</c>, <c>C:\dir</c>, <c>\\share</c>.</summary>
    public static bool IsPath(ReadOnlySpan<char> s) =>
        (s[0] == '/' && s.Length > 1)
        || s.StartsWith("./") || s.StartsWith("../") || s.StartsWith("~/") || s.StartsWith(@"\\")
        || (s.Length > 2 && char.IsAsciiLetter(s[0]) && s[1] == ':' && s[2] == '\\');

    /// <summary>A scheme (<c>[A-Za-z][A-Za-z0-9+.-]*</c>) followed by <c>://</c>.</summary>
    public static bool IsUrl(ReadOnlySpan<char> s)
    {
        var colon = s.IndexOf("://");
        if (colon <= 0 || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>local@domain.tld</c>.</summary>
    public static bool IsEmail(ReadOnlySpan<char> s)
    {
        var at = s.IndexOf('@');
        if (at <= 0 || s[(at + 1)..].IndexOf('@') >= 0)
        {
            return false;
        }

        foreach (var c in s[..at])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '%' or '+' or '-'))
            {
                return false;
            }
        }

        var domain = s[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        if (dot <= 0 || dot == domain.Length - 1)
        {
            return false;
        }

        foreach (var c in domain)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>8-4-4-4-12 hex digits.</summary>
    public static bool IsUuid(ReadOnlySpan<char> s)
    {
        if (s.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? s[i] != '-' : !char.IsAsciiHexDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Hex groups of up to four digits joined by two to eight colons (<c>fe80::1</c>, <c>::ffff:10.0.0.1</c>,
    /// MAC addresses), at least one decimal digit, an optional <c>%zone</c>, and in brackets a port after them.
    /// </summary>
    public static bool IsIPv6(ReadOnlySpan<char> s)
    {
        if (s[0] == '[')
        {
            s = s[1..];
        }

        var bracket = s.IndexOf(']');
        if (bracket >= 0)
        {
            var port = s[(bracket + 1)..];
            if (port.Length > 0 && !(port.Length > 1 && port[0] == ':' && IsDigits(port[1..])))
            {
                return false;
            }

            s = s[..bracket];
        }

        var zone = s.IndexOf('%');
        if (zone >= 0)
        {
            s = s[..zone];
        }

        int colons = 0, group = 0;
        var digit = false;
        foreach (var c in s)
        {
            if (c == ':')
            {
                colons++;
                group = 0;
            }
            else if (char.IsAsciiHexDigit(c) || c == '.')
            {
                digit |= char.IsAsciiDigit(c);
                if (c != '.' && ++group > 4)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return colons is >= 2 and <= 8 && digit;
    }

    /// <summary>
    /// Two or more non-empty segments of letters, digits, <c>_ $ -</c> joined by single dots, an optional
    /// <c>:port</c>, and a digit somewhere. Dotted names without a digit (Java classes, most host names
    /// written as words) stay literal: the similarity test generalises them where they vary.
    /// </summary>
    public static bool IsDottedNameWithDigit(ReadOnlySpan<char> s)
    {
        var colon = s.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!IsDigits(s[(colon + 1)..]))
            {
                return false;
            }

            s = s[..colon];
        }

        int dots = 0, segment = 0;
        var digit = colon >= 0;
        foreach (var c in s)
        {
            if (c == '.')
            {
                if (segment == 0)
                {
                    return false;
                }

                dots++;
                segment = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '-')
            {
                digit |= char.IsAsciiDigit(c);
                segment++;
            }
            else
            {
                return false;
            }
        }

        return dots > 0 && segment > 0 && digit;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');
}
