using System.Globalization;
using System.Text;

namespace AirisEpm.GoTemplates;

/// <summary>
/// text/template's predefined functions (<c>and</c> and <c>or</c> are evaluated lazily by the executor, as since
/// Go 1.18): <c>not len index slice print printf println html js urlquery eq ne lt le gt ge call</c>.
/// </summary>
public static class GoBuiltins
{
    public static readonly IReadOnlySet<string> Lazy = new HashSet<string>(StringComparer.Ordinal) { "and", "or" };

    public static readonly IReadOnlyDictionary<string, GoFunction> All = new Dictionary<string, GoFunction>(StringComparer.Ordinal)
    {
        ["not"] = a => !GoValues.IsTrue(Arity(a, 1, "not")[0]),
        ["len"] = a => Length(Arity(a, 1, "len")[0]),
        ["index"] = Index,
        ["slice"] = Slice,
        ["print"] = a => GoFormat.Sprint(a),
        ["printf"] = a => a.Count == 0
            ? throw new GoTemplateException("wrong number of args for printf: want at least 1 got 0")
            : GoFormat.Sprintf(GoValues.RequireString(a[0], "printf"), [.. a.Skip(1)]),
        ["println"] = a => GoFormat.Sprintln(a),
        ["html"] = a => Html(Joined(a)),
        ["js"] = a => Js(Joined(a)),
        ["urlquery"] = a => Uri.EscapeDataString(Joined(a)).Replace("%20", "+", StringComparison.Ordinal),
        ["eq"] = Eq,
        ["ne"] = a => !Equal(Arity(a, 2, "ne")[0], a[1]),
        ["lt"] = a => Compare(Arity(a, 2, "lt")[0], a[1]) < 0,
        ["le"] = a => Compare(Arity(a, 2, "le")[0], a[1]) <= 0,
        ["gt"] = a => Compare(Arity(a, 2, "gt")[0], a[1]) > 0,
        ["ge"] = a => Compare(Arity(a, 2, "ge")[0], a[1]) >= 0,
        ["call"] = a => throw new GoTemplateException(a.Count == 0 ? "call of nil" : $"non-function of type {GoValues.TypeName(a[0])}"),
    };

    public static IReadOnlyList<object?> Arity(IReadOnlyList<object?> args, int want, string name) =>
        args.Count == want ? args : throw new GoTemplateException($"wrong number of args for {name}: want {want} got {args.Count}");

    private static object Length(object? value) => value switch
    {
        string s => (long)Encoding.UTF8.GetByteCount(s),
        GoMap m => (long)m.Entries.Count,
        IReadOnlyList<object?> l => (long)l.Count,
        _ => throw new GoTemplateException($"len of type {GoValues.TypeName(value)}"),
    };

    private static object? Index(IReadOnlyList<object?> args)
    {
        if (args.Count == 0) throw new GoTemplateException("wrong number of args for index: want at least 1 got 0");
        var item = args[0];
        foreach (var key in args.Skip(1))
        {
            item = item switch
            {
                null => throw new GoTemplateException("index of untyped nil"),
                GoMap m when key is string k => m.Entries.TryGetValue(k, out var v) ? v : m.Zero,
                GoMap => throw new GoTemplateException($"value has type {GoValues.TypeName(key)}; should be string"),
                IReadOnlyList<object?> l when key is long i => i >= 0 && i < l.Count ? l[(int)i] : throw new GoTemplateException($"index out of range: {i}"),
                string s when key is long i => i >= 0 && i < Encoding.UTF8.GetByteCount(s) ? (long)Encoding.UTF8.GetBytes(s)[i] : throw new GoTemplateException($"index out of range: {i}"),
                _ when key is not long => throw new GoTemplateException($"cannot index slice/array with type {GoValues.TypeName(key)}"),
                _ => throw new GoTemplateException($"can't index item of type {GoValues.TypeName(item)}"),
            };
        }

        return item;
    }

    private static object Slice(IReadOnlyList<object?> args)
    {
        if (args.Count == 0) throw new GoTemplateException("wrong number of args for slice: want at least 1 got 0");
        if (args.Count > 4) throw new GoTemplateException($"too many slice indexes: {args.Count - 1}");
        var bounds = args.Skip(1).Select(a => a is long l ? l : throw new GoTemplateException($"cannot index slice/array with type {GoValues.TypeName(a)}")).ToList();
        var length = args[0] switch
        {
            string s => s.Length,
            IReadOnlyList<object?> l => l.Count,
            _ => throw new GoTemplateException($"can't slice item of type {GoValues.TypeName(args[0])}"),
        };
        var from = bounds.Count > 0 ? bounds[0] : 0;
        var to = bounds.Count > 1 ? bounds[1] : length;
        if (from < 0 || to < from || to > length) throw new GoTemplateException($"index out of range: {(from < 0 || from > length ? from : to)}");
        return args[0] switch
        {
            string s => s[(int)from..(int)to],
            IReadOnlyList<object?> l => (object)l.Skip((int)from).Take((int)(to - from)).ToList(),
            _ => throw new InvalidOperationException(),
        };
    }

    private static object Eq(IReadOnlyList<object?> args)
    {
        if (args.Count < 2) throw new GoTemplateException("missing argument for comparison");
        return args.Skip(1).Any(a => Equal(args[0], a));
    }

    private static bool Equal(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        Comparable(a, b);
        return a switch
        {
            long l => l == (long)b,
            double d => d == (double)b,
            _ => a.Equals(b),
        };
    }

    private static int Compare(object? a, object? b)
    {
        Comparable(a, b);
        return a switch
        {
            long l => l.CompareTo((long)b!),
            double d => d < (double)b! ? -1 : d > (double)b! ? 1 : 0,
            string s => string.CompareOrdinal(s, (string)b!),
            _ => throw new GoTemplateException("invalid type for comparison"),
        };
    }

    // Go compares only values of one basic kind: an int with a float64 is "incompatible types for comparison".
    private static void Comparable(object? a, object? b)
    {
        if (a is not (long or double or string or bool) || b is not (long or double or string or bool))
        {
            throw new GoTemplateException(a is GoMap or GoStruct or IReadOnlyList<object?> || b is GoMap or GoStruct or IReadOnlyList<object?>
                ? "non-comparable type" : "invalid type for comparison");
        }

        if (a.GetType() != b.GetType()) throw new GoTemplateException("incompatible types for comparison");
    }

    private static string Joined(IReadOnlyList<object?> args) => args is [string only] ? only : GoFormat.Sprint(args);

    private static string Html(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&#34;", StringComparison.Ordinal)
        .Replace("\0", "\uFFFD", StringComparison.Ordinal);

    private static string Js(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '"' => "\\\"",
                '<' => "\\u003C",
                '>' => "\\u003E",
                '&' => "\\u0026",
                '=' => "\\u003D",
                < ' ' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
