using System.Buffers;

namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Turns a message into masked tokens (<see cref="MaskedLine"/>): split on whitespace, mask each token
/// with <see cref="TokenMasker"/>, then two rules that need the neighbours:
/// <list type="bullet">
/// <item>month and weekday names next to a number, and units after one, are variables
/// (<see cref="ContextWords"/>), so a whole <c>Fri Jun 17 07:07:00 2005</c> masks;</item>
/// <item>neighbouring masked tokens that read as one variable merge: a repeat (<c>delete blk_1 blk_2
/// blk_3</c> → <c>delete blk_&lt;*&gt;</c>) or a bare wildcard beside one (<c>size 4.1 KB,</c> →
/// <c>size &lt;*&gt;,</c>), so variable-length lists, timestamps and numbers with units give one template
/// whatever their length.</item>
/// </list>
/// A message is read up to <see cref="PatternMinerOptions.MaxLineLength"/> characters and
/// <see cref="PatternMinerOptions.MaxTokens"/> tokens; a longer one ends in a single <c>&lt;*&gt;</c>.
/// Pure and thread-safe: the scratch arrays are per thread.
/// </summary>
internal sealed class LineTokenizer(int maxTokens, int maxLineLength)
{
    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.,:");

    [ThreadStatic]
    private static int[]? t_starts;

    [ThreadStatic]
    private static int[]? t_lengths;

    [ThreadStatic]
    private static bool[]? t_variable;

    public void Tokenize(ReadOnlySpan<char> message, MaskedLine into)
    {
        into.Clear();
        var starts = t_starts ??= new int[maxTokens];
        var lengths = t_lengths ??= new int[maxTokens];
        var variable = t_variable ??= new bool[maxTokens];
        if (starts.Length < maxTokens)
        {
            starts = t_starts = new int[maxTokens];
            lengths = t_lengths = new int[maxTokens];
            variable = t_variable = new bool[maxTokens];
        }

        var count = Split(message, starts, lengths, out var cut);
        MarkContextVariables(message, starts, lengths, variable, count);
        for (var i = 0; i < count; i++)
        {
            into.BeginToken();
            var masked = TokenMasker.Mask(message.Slice(starts[i], lengths[i]), into, variable[i]);
            into.EndToken(masked);
        }

        if (cut)
        {
            into.BeginToken();
            into.Append(TokenMasker.Wildcard);
            into.EndToken(masked: true);
        }
    }

    /// <summary>Finds the tokens; <paramref name="cut"/> tells that the message went on past the limits.</summary>
    private int Split(ReadOnlySpan<char> message, int[] starts, int[] lengths, out bool cut)
    {
        var text = message;
        cut = message.Length > maxLineLength;
        if (cut)
        {
            // A token running past the limit is left to the final wildcard.
            var end = maxLineLength;
            while (end > 0 && !char.IsWhiteSpace(message[end]))
            {
                end--;
            }

            text = message[..end];
        }

        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                return count;
            }

            if (count == maxTokens - 1)
            {
                cut = true;
                return count;
            }

            starts[count] = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            lengths[count] = i - starts[count];
            count++;
        }
    }

    /// <summary>Right to left, so <c>Fri</c> sees that <c>Jun</c> (before <c>17</c>) is a variable.</summary>
    private static void MarkContextVariables(ReadOnlySpan<char> message, int[] starts, int[] lengths, bool[] variable, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            variable[i] = false;
            var core = Core(message, starts[i], lengths[i]);
            if (ContextWords.IsDateWord(core))
            {
                variable[i] = (i + 1 < count && (variable[i + 1] || StartsWithDigit(Core(message, starts[i + 1], lengths[i + 1]))))
                    || (i > 0 && IsPlainNumber(Core(message, starts[i - 1], lengths[i - 1])));
            }
            else if (ContextWords.IsUnit(core))
            {
                variable[i] = i > 0 && IsPlainNumber(Core(message, starts[i - 1], lengths[i - 1]));
            }
        }
    }

    private static ReadOnlySpan<char> Core(ReadOnlySpan<char> message, int start, int length)
    {
        var token = message.Slice(start, length);
        var (coreStart, coreEnd) = TokenMasker.CoreBounds(token);
        return token[coreStart..coreEnd];
    }

    private static bool StartsWithDigit(ReadOnlySpan<char> core) => core.Length > 0 && char.IsAsciiDigit(core[0]);

    /// <summary>Digits, possibly with <c>. , :</c> between them (<c>17</c>, <c>1.5</c>, <c>1,024</c>).</summary>
    private static bool IsPlainNumber(ReadOnlySpan<char> core) =>
        StartsWithDigit(core) && !core.ContainsAnyExcept(NumberChars);
}
