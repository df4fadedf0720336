using System.Text;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>Label sets spelled as Prometheus's Go code spells them in error messages.</summary>
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
            builder.Append(LabelNames.Format(label.Name));
            builder.Append('=').Append(PromQlString.Quote(label.Value));
        }

        return builder.Append('}').ToString();
    }
}
