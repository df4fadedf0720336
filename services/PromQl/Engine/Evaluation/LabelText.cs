using System.Text;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>Label helpers with Prometheus's spelling and rules.</summary>
internal static class LabelText
{
    /// <summary>Go's <c>labels.Labels.String()</c>: <c>{__name__="x", job="a"}</c>, the name among the labels, odd names quoted.</summary>
    public static string GoString(LabelSet labels)
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            var label = labels.Labels[i];
            builder.Append(IsLegacyName(label.Name) ? label.Name : PromQlString.Quote(label.Name));
            builder.Append('=').Append(PromQlString.Quote(label.Value));
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Prometheus 3 accepts any non-empty valid UTF-8 as a label name.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLegacyName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c))))
            {
                return false;
            }
        }

        return true;
    }
}
